import { describe, expect, it } from 'vitest';
import { PREVIEW_SAMPLE_RATE, synthesizePreviewWav } from '@/lib/catalog/preview-audio';
import { must } from '@/lib/must';

function header(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));
  return {
    riff: ascii(0, 4),
    riffSize: view.getUint32(4, true),
    wave: ascii(8, 4),
    fmt: ascii(12, 4),
    fmtSize: view.getUint32(16, true),
    audioFormat: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    byteRate: view.getUint32(28, true),
    blockAlign: view.getUint16(32, true),
    bitsPerSample: view.getUint16(34, true),
    data: ascii(36, 4),
    dataSize: view.getUint32(40, true),
  };
}

function samples(bytes: Uint8Array): Int16Array {
  const copy = bytes.slice(44);
  return new Int16Array(copy.buffer, 0, copy.byteLength / 2);
}

describe('synthesizePreviewWav', () => {
  it('writes a valid mono 16-bit PCM RIFF/WAVE header at 22 050 Hz', () => {
    const wav = synthesizePreviewWav('neon-harbour/1');
    expect(header(wav)).toEqual({
      riff: 'RIFF',
      riffSize: wav.length - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      fmtSize: 16,
      audioFormat: 1,
      channels: 1,
      sampleRate: 22_050,
      byteRate: 44_100,
      blockAlign: 2,
      bitsPerSample: 16,
      data: 'data',
      dataSize: 15 * 22_050 * 2,
    });
    expect(wav.length).toBe(44 + 15 * PREVIEW_SAMPLE_RATE * 2);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = Buffer.from(synthesizePreviewWav('neon-harbour/1', 3));
    expect(Buffer.from(synthesizePreviewWav('neon-harbour/1', 3)).equals(a)).toBe(true);
    expect(Buffer.from(synthesizePreviewWav('neon-harbour/2', 3)).equals(a)).toBe(false);
  });

  it('honours the length and clamps nonsense lengths', () => {
    expect(header(synthesizePreviewWav('x', 5)).dataSize).toBe(5 * 22_050 * 2);
    expect(header(synthesizePreviewWav('x', 0)).dataSize).toBe(1 * 22_050 * 2);
    expect(header(synthesizePreviewWav('x', 1000)).dataSize).toBe(60 * 22_050 * 2);
    expect(header(synthesizePreviewWav('x', Number.NaN)).dataSize).toBe(15 * 22_050 * 2);
  });

  it('sounds like music: audible, not clipped, faded in and out', () => {
    for (const seed of ['a', 'moonlight-serenade/2', 'starfall', '月光']) {
      const pcm = samples(synthesizePreviewWav(seed, 8));
      let peak = 0;
      let energy = 0;
      for (const s of pcm) {
        peak = Math.max(peak, Math.abs(s));
        energy += s * s;
      }
      const rms = Math.sqrt(energy / pcm.length);
      expect(peak).toBeGreaterThan(0.7 * 32767);
      expect(peak).toBeLessThanOrEqual(0.81 * 32767);
      expect(rms).toBeGreaterThan(1500);
      expect(Math.abs(must(pcm.at(0), 'first sample'))).toBeLessThan(200);
      expect(Math.abs(must(pcm.at(-1), 'last sample'))).toBeLessThan(200);
      // Not a constant tone: the second half differs from the first.
      const half = Math.floor(pcm.length / 2);
      let difference = 0;
      const second = pcm.subarray(22_050, 44_100);
      const later = pcm.subarray(half, half + 22_050);
      for (const [i, sample] of second.entries()) difference += Math.abs(sample - must(later[i], `sample ${half + i}`));
      expect(difference / 22_050).toBeGreaterThan(500);
    }
  });
});
