import { PREFLIGHT_ITEMS } from '../../../contract/api/training';

export { PREFLIGHT_ITEMS };
