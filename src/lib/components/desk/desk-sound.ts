// A short beep through WebAudio for a new help request; silent until the person turned the sound on (browsers require a click anyway).
let context: AudioContext | null = null;

export function enableSound(): void {
	context ??= new AudioContext();
	void context.resume();
}

export function beep(): void {
	if (!context) return;
	const oscillator = context.createOscillator();
	const gain = context.createGain();
	oscillator.frequency.value = 880;
	gain.gain.setValueAtTime(0.15, context.currentTime);
	gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
	oscillator.connect(gain).connect(context.destination);
	oscillator.start();
	oscillator.stop(context.currentTime + 0.4);
}
