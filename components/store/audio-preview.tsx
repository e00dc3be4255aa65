'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

// Only one preview plays at a time across the page.
let current: { audio: HTMLAudioElement; stop: () => void } | null = null;

/** Play / pause a track's preview clip, with its progress. */
export function AudioPreview({ src, title }: { src: string; title: string }) {
  const t = useTranslations('player');
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [progress, setProgress] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => () => audioRef.current?.pause(), []);

  function toggle() {
    let audio = audioRef.current;
    if (!audio) {
      audio = new Audio(src);
      audio.preload = 'auto';
      audio.addEventListener('timeupdate', () =>
        setProgress(audio!.duration ? audio!.currentTime / audio!.duration : 0),
      );
      audio.addEventListener('ended', () => {
        setPlaying(false);
        setProgress(0);
      });
      audio.addEventListener('error', () => {
        setFailed(true);
        setPlaying(false);
      });
      audioRef.current = audio;
    }
    if (playing) {
      audio.pause();
      setPlaying(false);
      return;
    }
    if (current && current.audio !== audio) current.stop();
    current = {
      audio,
      stop: () => {
        audio!.pause();
        setPlaying(false);
      },
    };
    audio.play().then(
      () => setPlaying(true),
      () => setFailed(true),
    );
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        aria-pressed={playing}
        aria-label={playing ? t('pause', { title }) : t('play', { title })}
        disabled={failed}
        className="grid size-7 place-items-center rounded-full bg-stone-900 text-xs text-white hover:bg-brand-600 disabled:bg-stone-300"
      >
        <span aria-hidden>{playing ? '❚❚' : '▶'}</span>
      </button>
      <span
        role="progressbar"
        aria-label={t('progress', { title })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
        className={`h-1 w-12 overflow-hidden rounded bg-stone-200 ${playing || progress > 0 ? '' : 'invisible'}`}
      >
        <span className="block h-full bg-brand-600" style={{ width: `${progress * 100}%` }} />
      </span>
      {failed && <span className="text-xs text-stone-500">{t('unavailable')}</span>}
    </span>
  );
}
