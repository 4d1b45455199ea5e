// Which inbound texts expect an answer from the brand: the response rate counts only those.
import { describe, expect, it } from 'vitest';
import { expectsReply } from '../../src/nlp/index.ts';

describe('texts that expect no answer', () => {
  it.each([
    ['😍😍😍', 'emoji only'],
    ['👍', 'a thumbs up'],
    ['❤️ 🔥', 'emojis with spaces'],
    ['@marie_d', 'a bare tag of a friend'],
    ['@marie_d @paul 😂', 'tags and an emoji'],
    ['Merci !', 'a lone thanks, in French'],
    ['thank you so much!!', 'a lone thanks, in English'],
    ["J'adore", 'praise alone'],
    ['https://lumen.fr/aube', 'a bare link'],
    ['', 'nothing'],
  ])('%s (%s)', (text) => expect(expectsReply(text)).toBe(false));
});

describe('texts that do', () => {
  it.each([
    ['Vous livrez en Belgique ?', 'a question'],
    ['Toujours pas de réponse à mon mail', 'a complaint'],
    ['Merci mais le colis est abîmé', 'thanks followed by a problem'],
    ['@maisonlumen where is my order? 😡', 'a tag with a question and an emoji'],
    ['Is this available in black?', 'a question in English'],
    ['Superbe collection', 'a compliment with words beyond a thanks'],
  ])('%s (%s)', (text) => expect(expectsReply(text)).toBe(true));
});
