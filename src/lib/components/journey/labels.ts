import { m } from '$lib/paraglide/messages';
import type { IconName } from '$lib/components/Icon.svelte';
import { plural, type EmotionValue } from './view';

export const emotionLabels: Record<EmotionValue, () => string> = {
	[-2]: m.journey_emotion_m2,
	[-1]: m.journey_emotion_m1,
	[0]: m.journey_emotion_0,
	[1]: m.journey_emotion_p1,
	[2]: m.journey_emotion_p2
};

export const emotionIcons: Record<EmotionValue, IconName> = {
	[-2]: 'face-2',
	[-1]: 'face-1',
	[0]: 'face0',
	[1]: 'face1',
	[2]: 'face2'
};

/** "2 bottennappar", "1 höjdpunkt". */
export const bottennappText = (count: number) =>
	plural(count, m.journey_counts_bottennapp_one, m.journey_counts_bottennapp_other)({ count });
export const hojdpunktText = (count: number) =>
	plural(count, m.journey_counts_hojdpunkt_one, m.journey_counts_hojdpunkt_other)({ count });
