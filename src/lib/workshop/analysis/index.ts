/** The suggested-grouping engine: what the clustering page and other tools import. */
export {
	DEFAULT_THRESHOLD,
	prepareSuggestions,
	suggestGroups,
	type SuggestedGroup
} from './suggest-groups';
export { nearestInsights, type Neighbour } from './nearest';
export { LEXICON_SV, type Concept } from './lexicon-sv';
export { adjustedRandIndex, labelsOf } from './ari';
