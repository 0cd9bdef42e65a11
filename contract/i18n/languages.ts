import { z } from 'zod';
import { issue } from '../errors/zod-issues.js';
import { uiLanguages } from './language-codes.js';

export { uiLanguages, type UiLanguage } from './language-codes.js';

export const uiLanguage = z.enum(uiLanguages, {
  error: issue('choose.language'),
});
