/**
 * The timer's end: a short two-tone chime made with the Web Audio API (no sound file, no other
 * host), and each person's choice to hear it, kept in this browser.
 */
const SOUND_KEY = 'samskapa:timer-sound';

export function soundOn(): boolean {
	try {
		return localStorage.getItem(SOUND_KEY) !== 'off';
	} catch {
		return true;
	}
}

export function setSoundOn(on: boolean) {
	try {
		localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
	} catch {
		// Storage refused (some private modes): the choice lasts for this page only.
	}
}

let context: AudioContext | null = null;

/** Plays the chime; silent where the browser has no Web Audio or refuses to start it. */
export function playChime() {
	try {
		context ??= new AudioContext();
		const start = context.currentTime + 0.02;
		for (const [i, frequency] of [660, 880].entries()) {
			const tone = context.createOscillator();
			const gain = context.createGain();
			tone.type = 'sine';
			tone.frequency.value = frequency;
			const at = start + i * 0.22;
			gain.gain.setValueAtTime(0.0001, at);
			gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
			tone.connect(gain).connect(context.destination);
			tone.start(at);
			tone.stop(at + 0.42);
		}
	} catch {
		// No sound: the visual signal and the announcement still tell the room.
	}
}
