// ESLint enforces the process boundaries (see README, "Architecture"): the renderer and media/
// run in a browser, the host and CLI in Node, and only electron/ may import electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronOnly = { name: 'electron', message: 'Only files in electron/ may import electron.' };
const nodeOnlyInNode = nodeBuiltins.map((name) => ({
  name,
  message:
    'Browser code (renderer/, media/, contract/) cannot use Node modules; go through the API or media/.',
}));
const reactBan = ['react', 'react-dom', 'react-dom/client', 'react-i18next'].map((name) => ({
  name,
  message: 'media/ is framework-free: no React.',
}));

const userFacingErrors = '/^(UserFacingError|BadRequestError|ForbiddenError|NotFoundError)$/';
const literalText = '/^(Literal|TemplateLiteral|BinaryExpression)$/';
const userFacingMessage =
  "Give the error a code from contract/errors (coded('…')) with en/ru/ky text, not a sentence.";
const sentenceInUserFacingError = [
  {
    selector: `NewExpression[callee.name=${userFacingErrors}][arguments.0.type=${literalText}]`,
    message: userFacingMessage,
  },
  {
    selector: `ClassDeclaration[superClass.name=${userFacingErrors}] CallExpression[callee.type='Super'][arguments.0.type=${literalText}]`,
    message: userFacingMessage,
  },
];
// A signalling refusal's reason (its second argument) reaches the participant's screen.
const sentenceInSignallingFailure = {
  selector: `NewExpression[callee.name='SignallingFailure'][arguments.1.type=${literalText}]`,
  message:
    "Give the refusal a code from contract/errors (coded('…')) with en/ru/ky text, not a sentence.",
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.tsbuild/',
      'artifacts/',
      'test-results/',
      'playwright-report/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Past 400 lines a file has more than one concern: split it (README, "Architecture").
      'max-lines': ['error', { max: 400 }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    // Playwright's fixtures are declared with an empty destructuring pattern by design.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeOnlyInNode],
          patterns: [
            {
              group: ['**/host/**', '**/cli/**', '**/electron/**', '**/scripts/**'],
              message:
                'The renderer reaches the host only through renderer/api (the typed API contract).',
            },
            {
              regex: '(^|/)media/(?!index$).+',
              message: 'Import media only through its public entry, media/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every word a person reads comes from the message catalogues (renderer/i18n/locales):
    // no text in JSX and no literal in the attributes people read or hear.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'title',
              'alt',
              'placeholder',
              'label',
              'intro',
              'hint',
              'legend',
              'caption',
            ],
          },
          // Allowed: no letters at all, CODES, and identifier-like keys ('date', 'birthDate').
          words: { exclude: [/^[^\p{L}]*$/u, /^[A-Z_-]+$/, /^[a-z][a-zA-Z0-9.-]*$/] },
          message: 'Put UI text in renderer/i18n/locales/en.json and use t()',
        },
      ],
    },
  },
  {
    // What the host tells a person travels as a catalogue code (contract/errors), never a
    // sentence: no literal or template as the reason of a user-facing error where the API and
    // the command line meet people.
    files: [
      'host/errors.ts',
      'host/api/**/*.ts',
      'host/http/**/*.ts',
      'host/records/**/*.ts',
      'host/court/**/*.ts',
      'host/training/**/*.ts',
      'host/preferences/**/*.ts',
      'host/net/**/*.ts',
      'host/evidence/**/*.ts',
      'host/tools/**/*.ts',
      'host/face/**/*.ts',
      'host/voice/**/*.ts',
      'host/session/**/*.ts',
      'host/assembly/**/*.ts',
      'host/gallery/**/*.ts',
      'cli/**/*.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...sentenceInUserFacingError, sentenceInSignallingFailure],
    },
  },
  {
    files: ['media/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeOnlyInNode, ...reactBan],
          patterns: [
            {
              group: ['**/renderer/**', '**/host/**', '**/cli/**', '**/electron/**'],
              message: 'media/ stands alone: no UI, host or Electron code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeOnlyInNode],
          patterns: [
            {
              group: ['**/host/**', '**/renderer/**', '**/media/**'],
              message: 'contract/ is shared: it imports only zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['host/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...reactBan],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'The host runs in plain Node: no UI or Electron code.',
            },
          ],
        },
      ],
    },
  },
);
