/**
 * Synthesised audio previews for the demo catalog: a short, pleasant loop (pad chords, an
 * arpeggio, a bass line and a soft kick) whose key, tempo, progression and timbre are derived from
 * a seed string, so every demo track sounds different but always the same. Pure and fast (a 15 s
 * clip renders in a few milliseconds); output is a complete mono 16-bit PCM WAV file at 22 050 Hz.
 */

import { fnv1a, mulberry32 } from '@/lib/seeded-random';

import { must } from '@/lib/must';

export const PREVIEW_SAMPLE_RATE = 22_050;
const MAX_SECONDS = 60;

// Scale degrees (semitones above the tonic) and diatonic progressions (as scale-degree indexes).
const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const PROGRESSIONS: readonly (readonly number[])[] = [
  [0, 4, 5, 3], // I–V–vi–IV
  [5, 3, 0, 4], // vi–IV–I–V
  [1, 4, 0, 5], // ii–V–I–vi
  [0, 5, 3, 4], // I–vi–IV–V
  [0, 3, 4, 3], // I–IV–V–IV
  [0, 6, 5, 4], // i–VII–VI–V (minor descent)
];
const ARP_PATTERNS: readonly (readonly number[])[] = [
  [0, 1, 2, 1],
  [0, 1, 2, 3],
  [0, 2, 1, 2],
  [2, 1, 0, 1],
  [0, 2, 3, 2],
];

const TABLE_SIZE = 4096;
const SINE = new Float32Array(TABLE_SIZE);
for (let i = 0; i < TABLE_SIZE; i++) SINE[i] = Math.sin((i / TABLE_SIZE) * Math.PI * 2);

function midiToHz(note: number): number {
  return 440 * Math.pow(2, (note - 69) / 12);
}

/** The MIDI notes of the triad (plus seventh) built on a scale degree. */
function chordNotes(scale: readonly number[], tonic: number, degree: number): number[] {
  const note = (step: number) => tonic + must(scale[step % scale.length], 'scale step') + 12 * Math.floor(step / 7);
  return [note(degree), note(degree + 2), note(degree + 4), note(degree + 6)];
}

/** Adds a sine-table oscillator note (with an optional second harmonic) into the buffer. */
function addNote(
  out: Float32Array,
  start: number,
  length: number,
  hz: number,
  gain: number,
  attack: number,
  decay: number,
  harmonic: number,
): void {
  start = Math.floor(start);
  length = Math.floor(length);
  const end = Math.min(out.length, start + length);
  const step = (hz * TABLE_SIZE) / PREVIEW_SAMPLE_RATE;
  const attackSamples = Math.max(1, Math.floor(attack * PREVIEW_SAMPLE_RATE));
  const decayRate = decay > 0 ? Math.exp(-1 / (decay * PREVIEW_SAMPLE_RATE)) : 1;
  const releaseSamples = Math.min(length, Math.floor(0.05 * PREVIEW_SAMPLE_RATE));
  let phase = 0;
  let level = 1;
  for (let i = start; i < end; i++) {
    const n = i - start;
    const env =
      (n < attackSamples ? n / attackSamples : level) *
      (n > length - releaseSamples ? (length - n) / releaseSamples : 1);
    if (n >= attackSamples) level *= decayRate;
    const index = phase | 0;
    // Masked indexes stay inside the table and `i` inside `out` (the loop's bound): hence `!`.
    const sample = SINE[index & (TABLE_SIZE - 1)]! + harmonic * SINE[(index * 2) & (TABLE_SIZE - 1)]!;
    out[i]! += sample * env * gain;
    phase += step;
    if (phase >= TABLE_SIZE * 1024) phase -= TABLE_SIZE * 1024;
  }
}

/** A soft kick: a sine sweeping down from ~120 Hz with a fast decay. */
function addKick(out: Float32Array, start: number, gain: number): void {
  const length = Math.floor(0.18 * PREVIEW_SAMPLE_RATE);
  let phase = 0;
  for (let n = 0; n < length && start + n < out.length; n++) {
    const t = n / PREVIEW_SAMPLE_RATE;
    const hz = 45 + 80 * Math.exp(-t * 30);
    phase += (hz * TABLE_SIZE) / PREVIEW_SAMPLE_RATE;
    // In bounds: the loop stops at out.length, and the index is masked to the table.
    out[start + n]! += SINE[(phase | 0) & (TABLE_SIZE - 1)]! * Math.exp(-t * 18) * gain;
  }
}

function encodeWav(samples: Float32Array): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, PREVIEW_SAMPLE_RATE, true);
  view.setUint32(28, PREVIEW_SAMPLE_RATE * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  // An Int16Array view is much faster than DataView.setInt16 per sample; WAV is little-endian, so
  // fall back to DataView on the (rare) big-endian host.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const pcm = littleEndian ? new Int16Array(bytes.buffer, 44, samples.length) : null;
  for (let i = 0; i < samples.length; i++) {
    const value = Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32767); // i < samples.length
    if (pcm) pcm[i] = value;
    else view.setInt16(44 + i * 2, value, true);
  }
  return bytes;
}

/**
 * Renders a deterministic music clip for `seed` (for example "neon-harbour/1") as WAV bytes.
 * `seconds` is clamped to 1–60.
 */
export function synthesizePreviewWav(seed: string, seconds = 15): Uint8Array {
  const duration = Number.isFinite(seconds) ? Math.min(MAX_SECONDS, Math.max(1, seconds)) : 15;
  const random = mulberry32(fnv1a(seed));
  const pick = <T>(items: readonly T[]): T => must(items[Math.floor(random() * items.length)], 'picked item');

  const minor = random() < 0.4;
  const scale = minor ? MINOR : MAJOR;
  const tonic = 45 + Math.floor(random() * 12); // A2…G#3
  const bpm = 76 + Math.floor(random() * 48);
  const beat = 60 / bpm;
  const progression = pick(PROGRESSIONS);
  const pattern = pick(ARP_PATTERNS);
  const brightness = 0.15 + random() * 0.35;
  const withKick = random() < 0.7;
  const arpOctave = random() < 0.5 ? 12 : 24;

  const total = Math.floor(duration * PREVIEW_SAMPLE_RATE);
  const out = new Float32Array(total);
  const barSamples = Math.floor(4 * beat * PREVIEW_SAMPLE_RATE);
  const eighth = Math.floor((beat / 2) * PREVIEW_SAMPLE_RATE);

  for (let bar = 0; bar * barSamples < total; bar++) {
    const start = bar * barSamples;
    const chord = chordNotes(scale, tonic, must(progression[bar % progression.length], 'chord degree'));
    const root = must(chord[0], 'chord root');
    // Pad: the triad an octave up, slow attack, long sustain.
    for (const note of chord.slice(0, 3)) {
      addNote(out, start, barSamples, midiToHz(note + 12), 0.07, 0.35, 2.5, brightness * 0.5);
    }
    // Bass: root on beats 1 and 3.
    addNote(out, start, barSamples / 2, midiToHz(root - 12), 0.22, 0.01, 0.6, 0.3);
    addNote(out, start + barSamples / 2, barSamples / 2, midiToHz(root - 12), 0.18, 0.01, 0.6, 0.3);
    // Arpeggio: plucked eighth notes through the chord.
    for (let step = 0; step < 8; step++) {
      const note = must(chord[must(pattern[step % pattern.length], 'arpeggio step')], 'arpeggio note') + arpOctave;
      addNote(out, start + step * eighth, eighth, midiToHz(note), 0.09, 0.005, 0.18, brightness);
    }
    if (withKick) for (let b = 0; b < 4; b++) addKick(out, start + Math.floor(b * beat * PREVIEW_SAMPLE_RATE), 0.35);
  }

  // Fade in and out, then normalise to a comfortable peak.
  const fade = Math.min(Math.floor(0.4 * PREVIEW_SAMPLE_RATE), Math.floor(total / 4));
  let peak = 0;
  // Every i below is < total = out.length: hence `!`.
  for (let i = 0; i < total; i++) {
    if (i < fade) out[i]! *= i / fade;
    if (i >= total - fade) out[i]! *= (total - i) / fade;
    peak = Math.max(peak, Math.abs(out[i]!));
  }
  if (peak > 0) {
    const gain = 0.8 / peak;
    for (let i = 0; i < total; i++) out[i]! *= gain;
  }
  return encodeWav(out);
}
