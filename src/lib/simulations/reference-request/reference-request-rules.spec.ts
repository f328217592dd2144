import { describe, expect, test } from 'vitest';
import { actReference, REF_START, searchServices, type RefService } from './reference-request-rules';

const services: RefService[] = [
	{
		id: 'address',
		name: 'Оршин суугаа хаягийн лавлагаа',
		description: 'Таны бүртгэлтэй хаяг.',
		keywords: 'address'
	},
	{
		id: 'insurance',
		name: 'Нийгмийн даатгалын шимтгэл төлөлтийн лавлагаа',
		description: 'Шимтгэлийн бичлэг.'
	},
	{ id: 'fine', name: 'Торгуулийн төлбөр төлөх', description: 'Замын хөдөлгөөний торгууль.' }
];
const target = { service: 'address', file: 'address-reference.pdf' };

describe('searchServices', () => {
	test('lists every service for an empty search', () => {
		expect(searchServices(services, '  ')).toHaveLength(3);
	});
	test('finds a service by part of a word, as Mongolian adds endings', () => {
		expect(searchServices(services, 'хаяг').map((s) => s.id)).toEqual(['address']);
	});
	test('needs every word typed, in any case', () => {
		expect(searchServices(services, 'ЛАВЛАГАА шимтгэл').map((s) => s.id)).toEqual(['insurance']);
		expect(searchServices(services, 'лавлагаа').map((s) => s.id)).toEqual(['address', 'insurance']);
	});
	test('finds a service by its keywords', () => {
		expect(searchServices(services, 'Address').map((s) => s.id)).toEqual(['address']);
	});
	test('finds nothing for words in no service', () => {
		expect(searchServices(services, 'виз')).toEqual([]);
	});
});

describe('actReference', () => {
	test('opening the wanted service shows its page', () => {
		expect(actReference(REF_START, { type: 'open-service', id: 'address' }, target)).toEqual({
			stage: 'service',
			outcome: 'service-opened'
		});
	});
	test('opening another service is a miss that keeps the list on screen', () => {
		expect(actReference(REF_START, { type: 'open-service', id: 'fine' }, target)).toEqual({
			stage: 'find',
			outcome: 'wrong-service'
		});
	});
	test('going back from the service page returns to the list without a miss', () => {
		expect(actReference('service', { type: 'back' }, target)).toEqual({ stage: 'find', outcome: 'back' });
	});
	test('requesting makes the reference ready, and saving puts it among the files', () => {
		expect(actReference('service', { type: 'request' }, target)).toEqual({
			stage: 'ready',
			outcome: 'requested'
		});
		expect(actReference('ready', { type: 'save' }, target)).toEqual({ stage: 'saved', outcome: 'saved' });
	});
	test('opening the saved reference reaches the goal', () => {
		expect(actReference('saved', { type: 'open-file', file: 'address-reference.pdf' }, target)).toEqual({
			stage: 'opened',
			outcome: 'opened'
		});
	});
	test('opening an older file is a miss that keeps the files on screen', () => {
		expect(actReference('saved', { type: 'open-file', file: 'receipt.pdf' }, target)).toEqual({
			stage: 'saved',
			outcome: 'wrong-file'
		});
	});
	test('ignores actions that do not fit the screen', () => {
		expect(actReference(REF_START, { type: 'request' }, target).outcome).toBe('ignored');
		expect(actReference(REF_START, { type: 'save' }, target).outcome).toBe('ignored');
		expect(actReference(REF_START, { type: 'back' }, target).outcome).toBe('ignored');
		expect(actReference('ready', { type: 'open-file', file: target.file }, target).outcome).toBe('ignored');
		expect(actReference('service', { type: 'open-service', id: 'address' }, target).outcome).toBe('ignored');
	});
	test('ignores every action once the reference is open', () => {
		for (const action of [
			{ type: 'open-service', id: 'address' },
			{ type: 'back' },
			{ type: 'request' },
			{ type: 'save' },
			{ type: 'open-file', file: target.file }
		] as const)
			expect(actReference('opened', action, target)).toEqual({ stage: 'opened', outcome: 'ignored' });
	});
});
