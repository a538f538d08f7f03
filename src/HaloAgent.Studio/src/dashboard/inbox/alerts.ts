/** The page's title, with the number of new hand-overs in front while there are any ("(2) HaloAgent"). */
export function titleWith(count: number, base = 'HaloAgent'): string {
  return count > 0 ? `(${count}) ${base}` : base;
}

/**
 * A short two-tone beep from the Web Audio API (no sound file to ship). Browsers may keep audio muted until the
 * person has interacted with the page; then it stays silent, which is fine: the title badge still shows.
 */
export function beep(): void {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    const audio = new Context();
    const gain = audio.createGain();
    gain.gain.value = 0.08;
    gain.connect(audio.destination);
    [880, 1320].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.16);
      tone.stop(audio.currentTime + i * 0.16 + 0.14);
      if (i === 1) tone.onended = () => void audio.close();
    });
  } catch {
    /* no audio on this device: the title badge is enough */
  }
}
