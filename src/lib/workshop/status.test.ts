import { describe, expect, it } from 'vitest';
import { retentionDeadline, workshopStatus, type StatusFacts } from './status';

const now = new Date('2026-04-21T10:00:00Z');
const base: StatusFacts = {
	date: '2026-04-21',
	closedAt: null,
	archivedAt: null,
	lastActivityAt: new Date('2026-04-21T09:00:00Z'),
	noteCount: 3
};

describe('workshopStatus', () => {
	it('archived wins over closed, closed over everything else', () => {
		const closedAt = new Date('2026-04-20T00:00:00Z');
		expect(workshopStatus({ ...base, closedAt, archivedAt: closedAt }, now)).toBe('archived');
		expect(workshopStatus({ ...base, closedAt }, now)).toBe('closed');
	});

	it('a workshop whose day is still to come is planned, even with notes', () => {
		expect(workshopStatus({ ...base, date: '2026-04-22' }, now)).toBe('planned');
	});

	it('a workshop nothing happened in yet is planned; one with activity runs', () => {
		const quiet = { ...base, lastActivityAt: null, noteCount: 0 };
		expect(workshopStatus(quiet, now)).toBe('planned');
		expect(workshopStatus(base, now)).toBe('running');
		expect(workshopStatus({ ...base, date: null }, now)).toBe('running');
	});
});

describe('retentionDeadline', () => {
	it('is off without months or without a close', () => {
		expect(retentionDeadline(new Date(), null)).toBeNull();
		expect(retentionDeadline(new Date(), 0)).toBeNull();
		expect(retentionDeadline(null, 6)).toBeNull();
	});

	it('adds calendar months, clamping to the end of a shorter month', () => {
		const at = (s: string) => new Date(s).toISOString();
		expect(retentionDeadline(new Date('2026-01-15T12:00:00Z'), 6)?.toISOString()).toBe(
			at('2026-07-15T12:00:00Z')
		);
		expect(retentionDeadline(new Date('2026-08-31T08:00:00Z'), 6)?.toISOString()).toBe(
			at('2027-02-28T08:00:00Z')
		);
	});
});
