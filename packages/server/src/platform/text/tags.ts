import { ArrayMaxSize, Matches } from 'class-validator';

/** A tag: 1 to 40 letters (any script), digits, spaces, dashes or underscores. */
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;

/** The validation of a `tags` input: at most 10, each a valid tag. */
export function TagsRule(): PropertyDecorator {
  return (target, property) => {
    ArrayMaxSize(10, { message: 'At most 10 tags.' })(target, property);
    Matches(TAG, {
      each: true,
      message: 'A tag has 1 to 40 letters, digits, spaces, dashes or underscores.',
    })(target, property);
  };
}

/** Tags as stored: NFC, trimmed, lower case, each once. */
export const cleanTags = (tags: string[]) => [
  ...new Set(tags.map((tag) => tag.normalize('NFC').trim().toLowerCase())),
];
