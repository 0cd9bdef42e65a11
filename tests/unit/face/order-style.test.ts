import { describe, expect, it } from 'vitest';
import { faceStyles } from '../../../contract/records/schemas';
import { pipelineStyleForOrder } from '../../../media/core/face/order-style';

describe('pipelineStyleForOrder', () => {
  it('masks the head in the ordered style, draws the silhouette, and sends no picture when so ordered', () => {
    expect(pipelineStyleForOrder('solid')).toEqual({ kind: 'masked', style: 'solid' });
    expect(pipelineStyleForOrder('pixelate')).toEqual({ kind: 'masked', style: 'pixelate' });
    expect(pipelineStyleForOrder('blur')).toEqual({ kind: 'masked', style: 'blur' });
    expect(pipelineStyleForOrder('silhouette')).toEqual({ kind: 'masked', style: 'silhouette' });
    expect(pipelineStyleForOrder('no-picture')).toEqual({ kind: 'no-picture' });
  });

  it('has an answer for every style an order may hold', () => {
    for (const style of faceStyles) expect(pipelineStyleForOrder(style)).toBeDefined();
  });
});
