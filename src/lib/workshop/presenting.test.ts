import { describe, expect, it } from 'vitest';
import { freeStepKinds, methodStepKinds } from './records/agenda';
import { joinUrl, presentedView } from './presenting';

describe('presentedView', () => {
	it('shows how to join while no step is current', () => {
		expect(presentedView(null)).toBe('join');
	});

	it('shows each method step as its own board view', () => {
		expect(presentedView('journey')).toBe('journey');
		expect(presentedView('clustering')).toBe('areas');
		expect(presentedView('prioritisation')).toBe('matrix');
		expect(presentedView('persona')).toBe('persona');
		expect(presentedView('ideas')).toBe('ideas');
		expect(presentedView('actions')).toBe('actions');
		expect(presentedView('summary')).toBe('summary');
		expect(presentedView('goals')).toBe('goals');
	});

	it('shows the quote wall in a presentation and only the frame in a break or a discussion', () => {
		expect(presentedView('presentation')).toBe('quotes');
		expect(presentedView('break')).toBe('free');
		expect(presentedView('discussion')).toBe('free');
	});

	it('has a view for every kind of step, none of them "join"', () => {
		for (const kind of [...methodStepKinds, ...freeStepKinds]) {
			expect(presentedView(kind)).not.toBe('join');
		}
	});
});

describe('joinUrl', () => {
	it('is the join page of this server with the code filled in, as typed on a phone', () => {
		expect(joinUrl('https://samskapa.example.se', 'ABC-DEF')).toBe(
			'https://samskapa.example.se/join?code=ABCDEF'
		);
		expect(joinUrl('http://127.0.0.1:4313/', 'abc def')).toBe(
			'http://127.0.0.1:4313/join?code=ABCDEF'
		);
	});
});
