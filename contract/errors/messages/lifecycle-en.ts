/** English text of a hearing's life cycle, a varied order and the app's own date field. */
export const lifecycleMessagesEn = {
  'lifecycle.reason-required': 'State the reason.',
  'lifecycle.not-postponable':
    'A hearing that is cancelled, completed or in session cannot be postponed.',
  'lifecycle.already-over': 'This hearing is already cancelled or completed.',
  'lifecycle.same-time': 'Choose a date and time other than the one already set.',
  'hearing.cancelled': 'This hearing was cancelled; no one can join it and no code can be issued.',
  'hearing.completed': 'This hearing is completed; no one can join it and no code can be issued.',
  'join.hearing-cancelled': 'This hearing was cancelled. Ask the court clerk.',
  'order.reference-required': "Enter the reference of the court's order.",
  'order.date-required': 'Enter the date of the order.',
  'order.witness-not-found': 'That witness is not in the records. Choose it again from the list.',
  'correct.reason-required': 'State the reason for the correction.',
  'date.local-format': 'Enter the date as {{pattern}}, for example {{example}}.',
  'time.local-format': 'Enter the time as HH:MM (24-hour), for example 09:30.',
} as const;
