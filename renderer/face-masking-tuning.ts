import { installFaceDiagnosticsIfAsked, type FaceMaskingTuning } from '../media';

/**
 * What every face-masking pipeline of this page is built with. Test builds opened with
 * `?face-diagnostics` plug the self-checks in here; the production build compiles them out, so
 * there no pipeline has an observer and no camera frame goes anywhere but the masking.
 */
export const faceMaskingTuning: FaceMaskingTuning =
  (import.meta.env.MODE !== 'production' ? installFaceDiagnosticsIfAsked() : undefined) ?? {};
