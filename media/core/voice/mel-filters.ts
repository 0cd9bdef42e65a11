const toMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const fromMel = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** A triangular mel filterbank (60 Hz to 7.6 kHz) over an FFT of `size` bins: per band, [bin, weight]. */
export function melFilters(
  sampleRate: number,
  size: number,
  bands = 40,
): Array<Array<[number, number]>> {
  const low = toMel(60);
  const high = toMel(Math.min(7600, sampleRate / 2 - 100));
  const points = Array.from({ length: bands + 2 }, (_, i) =>
    fromMel(low + ((high - low) * i) / (bands + 1)),
  );
  const binHz = sampleRate / size;
  return Array.from({ length: bands }, (_, band) => {
    const [left, centre, right] = [points[band]!, points[band + 1]!, points[band + 2]!];
    const filter: Array<[number, number]> = [];
    for (let bin = Math.floor(left / binHz); bin <= Math.ceil(right / binHz); bin++) {
      const hz = bin * binHz;
      const weight = hz < centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      if (weight > 0) filter.push([bin, weight]);
    }
    return filter;
  });
}
