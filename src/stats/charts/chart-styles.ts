/**
 * How a series is drawn: a colour with at least 3:1 contrast against white (WCAG 1.4.11) and a pattern, so no
 * series is told from another by colour alone; the legend shows both.
 */
export type Pattern = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'crosshatch' | 'vertical';

export interface SeriesStyle {
  colour: string;
  pattern: Pattern;
}

// GOV.UK Design System colours; each has 4.5:1 or more against white.
const RED = '#d4351c';
const BLUE = '#1d70b8';
const PURPLE = '#4c2c92';
const GREEN = '#00703c';
const GREY = '#505a5f';
const BLACK = '#0b0c0c';
const BROWN = '#8a5a00';

export const CATEGORY_STYLES: Record<string, SeriesStyle> = {
  criminal: { colour: RED, pattern: 'diagonal' },
  conduct: { colour: BLUE, pattern: 'solid' },
  vexatious: { colour: PURPLE, pattern: 'dots' },
  political: { colour: GREEN, pattern: 'horizontal' },
  non_policing: { colour: GREY, pattern: 'crosshatch' },
  awaiting_triage: { colour: BROWN, pattern: 'vertical' },
};

export const DEADLINE_STYLES: Record<string, SeriesStyle> = {
  met: { colour: GREEN, pattern: 'solid' },
  metLate: { colour: BROWN, pattern: 'diagonal' },
  open: { colour: BLUE, pattern: 'dots' },
  overdue: { colour: RED, pattern: 'crosshatch' },
  stopped: { colour: GREY, pattern: 'horizontal' },
};

export const AGREEMENT_STYLES: Record<string, SeriesStyle> = {
  confirmed: { colour: GREEN, pattern: 'solid' },
  overridden: { colour: RED, pattern: 'diagonal' },
  awaitingReview: { colour: GREY, pattern: 'dots' },
};

export const INK = BLACK;
