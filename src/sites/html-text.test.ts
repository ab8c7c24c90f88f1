import { describe, expect, it } from 'vitest';

import { cleanInline, decodeEntities, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('puts block elements on their own lines', () => {
    expect(htmlToText('<p>Duties:</p><ul><li>Drive  the\n van</li><li>Log trips</li></ul>')).toBe('Duties:\nDrive the van\nLog trips');
  });

  it('turns br into a line break', () => {
    expect(htmlToText('Line one<br>Line two')).toBe('Line one\nLine two');
  });

  it('drops scripts and ad slots', () => {
    expect(htmlToText('<p>Keep</p><script>(adsbygoogle = window.adsbygoogle || []).push({});</script><ins class="adsbygoogle"></ins>')).toBe('Keep');
  });

  it('decodes entities in text', () => {
    expect(htmlToText('<p>R&amp;D &ndash; Nairobi</p>')).toBe('R&D – Nairobi');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references', () => {
    expect(decodeEntities('Events &amp; Marketing &#8211; Officer')).toBe('Events & Marketing – Officer');
  });

  it('keeps angle brackets as text', () => {
    expect(decodeEntities('a < b &amp; c')).toBe('a < b & c');
  });
});

describe('cleanInline', () => {
  it('collapses whitespace', () => {
    expect(cleanInline('  Full\n Time ')).toBe('Full Time');
  });

  it('returns null for blank text', () => {
    expect(cleanInline(' \n ')).toBeNull();
  });
});
