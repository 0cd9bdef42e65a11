/**
 * The card sent in place of the witness's camera where no camera frame may leave (the order's
 * no-picture style, or a style media/ cannot draw yet: see core/face/order-style.ts).
 */
import { MASK_COLOUR } from './core/face/index';

export const CARD_WIDTH = 640;
export const CARD_HEIGHT = 480;

/**
 * A generated video track that never carries a camera pixel: the mask colour, centred lines of text
 * (e.g. the no-picture notice in the court's languages) and the pseudonym, repainted 5 times a second
 * so that the encoder keeps sending and a late consumer or the recorder gets frames at once.
 */
export function cardTrack(card: { lines: readonly string[]; pseudonym: string }): {
  track: MediaStreamTrack;
  stop(): void;
} {
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const context = canvas.getContext('2d')!;
  let tick = 0;
  const paint = () => {
    const [r, g, b] = MASK_COLOUR;
    context.fillStyle = `rgb(${r}, ${g}, ${b})`;
    context.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
    context.fillStyle = '#ffffff';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    const size = 22;
    context.font = `600 ${size}px sans-serif`;
    const top = CARD_HEIGHT / 2 - ((card.lines.length - 1) * size * 1.6) / 2;
    card.lines.forEach((line, i) =>
      context.fillText(line, CARD_WIDTH / 2, top + i * size * 1.6, CARD_WIDTH - 40),
    );
    context.textAlign = 'left';
    context.font = `600 20px sans-serif`;
    context.fillText(card.pseudonym, 20, CARD_HEIGHT - 30, CARD_WIDTH - 40);
    // A pixel that changes each paint, so that captureStream always has a new frame to send.
    context.fillStyle = tick++ % 2 ? `rgb(${r}, ${g}, ${b + 1})` : `rgb(${r}, ${g}, ${b})`;
    context.fillRect(CARD_WIDTH - 1, CARD_HEIGHT - 1, 1, 1);
  };
  paint();
  const timer = window.setInterval(paint, 200);
  const track = canvas.captureStream(5).getVideoTracks()[0]!;
  return {
    track,
    stop() {
      window.clearInterval(timer);
      track.stop();
    },
  };
}
