/**
 * The last line of defence between internal notes and a letter: templates never read notes, but an officer may paste
 * one into the letter by mistake. A letter containing a passage of a note, outcome notes or a reason for a change of
 * category is refused until it is reworded.
 */

/** Passages shorter than this are too common to mean a note was copied ("no reply", "see file"). */
export const MIN_PASSAGE = 24;

const normalise = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/**
 * The first internal text found in the letter, or null: any passage of MIN_PASSAGE characters from a note, starting
 * at one of its words, found in the letter (so copying part of a note is caught as well as all of it).
 */
export function internalTextIn(letter: string, internalTexts: readonly string[]): string | null {
  const body = normalise(letter);
  for (const text of internalTexts) {
    const note = normalise(text);
    for (let start = 0; start + MIN_PASSAGE <= note.length; start = note.indexOf(' ', start) + 1 || note.length) {
      if (body.includes(note.slice(start, start + MIN_PASSAGE))) return text;
    }
  }
  return null;
}
