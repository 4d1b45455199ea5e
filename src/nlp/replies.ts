// Whether an inbound text asks for an answer: emoji-only reactions, a bare @mention or a lone
// "thanks" need none, so they do not count against the brand's response rate.
const THANKS_ONLY =
  /^(merci( beaucoup| bcp)?|thanks?( a lot| so much)?|thank you( so much)?|thx|ty|top|super|bravo|génial|genial|love (it|this)|j'adore|ok|d'accord|👍|❤️)[\s!.]*$/iu;
const NO_WORDS = /^[\p{Extended_Pictographic}\p{Emoji_Component}\p{P}\p{S}\s]*$/u;

export function expectsReply(text: string | null | undefined): boolean {
  const stripped = (text ?? '')
    .replace(/@[\w.-]+/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .trim();
  if (stripped === '') return false;
  if (NO_WORDS.test(stripped)) return false;
  return !THANKS_ONLY.test(stripped);
}
