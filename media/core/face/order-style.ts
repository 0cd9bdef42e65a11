/**
 * What the court's order makes of the witness's camera: the one place where an order's face style
 * becomes a pipeline.
 */
import type { FaceStyle } from '../../../contract/records/schemas';
import type { MaskStyle } from './types';

export type WitnessPicture =
  /** The camera through face masking in this style. */
  | { kind: 'masked'; style: MaskStyle }
  /** No camera at all; a card saying "testimony excluding visual observation" is sent. */
  | { kind: 'no-picture' };

export function pipelineStyleForOrder(style: FaceStyle): WitnessPicture {
  switch (style) {
    case 'silhouette':
    case 'solid':
    case 'pixelate':
    case 'blur':
      return { kind: 'masked', style };
    case 'no-picture':
      return { kind: 'no-picture' };
  }
}
