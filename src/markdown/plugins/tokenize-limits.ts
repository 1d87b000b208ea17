/**
 * Shiki gives up on a line after 500 ms by default and leaves the rest of it plain, so a
 * busy machine could highlight the same page differently (a test building one site on
 * workers and in this thread once caught it). No limit here: the output depends on the
 * page alone, and a page that takes too long is stopped and reported by the render
 * pool's time limit instead.
 */
export const TOKENIZE_LIMITS = { tokenizeTimeLimit: 0 } as const;
