/* Measures one loaded page against the readability figures of readable.yml and
   returns every element below a figure, so one evaluate() call per page and mode
   does the whole job. Called by test_readable.py as page.evaluate(source, figures). */
(f) => {
  const found = [];
  const viewport = document.documentElement.clientWidth;

  const name = (el) => {
    const one = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + [...e.classList].slice(0, 2).map(c => '.' + c).join('');
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) parts.unshift(one(e));
    if (el === document.body) return 'body';
    const text = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('title') || '')
        .replace(/\s+/g, ' ').trim().slice(0, 30);
    return parts.join(' > ') + (text ? ' “' + text + '”' : '');
  };
  const report = (what, el, detail) => found.push({what, element: name(el), detail});

  // Shown to a reader: rendered, not transparent, not hidden, not a 1 px screen-reader box.
  const shown = (el) => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const box = el.getBoundingClientRect();
    return box.width >= 2 && box.height >= 2;
  };

  // ---------------------------------------------------------------- colour
  const rgba = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]);
  };
  // The background behind el: semi-transparent layers composed up to the first opaque one.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  // ---------------------------------------------------------------- text
  const ownText = (el) => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const exemptText = f.exempt_text ? [...document.querySelectorAll(f.exempt_text)] : [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!ownText(el) || !shown(el) || exemptText.some(x => x.contains(el))) continue;
    const style = getComputedStyle(el);
    const inSvg = el instanceof SVGElement;
    const scale = inSvg && el.getScreenCTM() ? Math.hypot(el.getScreenCTM().a, el.getScreenCTM().b) : 1;
    const size = parseFloat(style.fontSize) * scale;
    if (size < f.min_text - 0.05) report('text', el, `${size.toFixed(1)} px < ${f.min_text} px`);
    if (!inSvg && f.min_line_height) {
      const line = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      if (line < f.min_line_height - 0.005) report('line height', el, `${line.toFixed(2)} < ${f.min_line_height}`);
    }
    const ink = rgba(inSvg ? style.fill : style.color);
    if (!ink) continue;
    const bg = background(el);
    const ratio = contrast(over(ink, bg), bg);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio < needed - 0.005) report('contrast', el, `${ratio.toFixed(2)}:1 < ${needed}:1 (${style.color} on rgb(${bg.slice(0, 3).join(',')}))`);
  }

  // ---------------------------------------------------------------- targets
  // A link inside running text (WCAG 2.5.8 "inline"): an inline <a> whose block holds other words too.
  const blockOf = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith('inline')) return e;
    }
    return document.body;
  };
  const inline = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const own = el.textContent.replace(/\s+/g, '');
    const block = blockOf(el).textContent.replace(/\s+/g, '');
    return block.length > own.length;
  };
  const own = new Set(document.querySelectorAll(f.own_controls));
  for (const el of document.querySelectorAll(f.targets)) {
    if (!shown(el) || el.disabled) continue;
    const box = el.getBoundingClientRect();
    const isOwn = own.has(el);
    const least = isOwn && f.min_own_target ? f.min_own_target : f.min_target;
    if (!isOwn && inline(el)) {
      // Exempt from the size, but never smaller than the line of text it sits in.
      const line = parseFloat(getComputedStyle(el).fontSize);
      if (box.height < line - 0.5) report('inline link', el, `${box.height.toFixed(0)} px high < its ${line} px text`);
      continue;
    }
    if (box.width < least - 0.5 || box.height < least - 0.5) {
      report(isOwn ? 'own control' : 'target', el, `${box.width.toFixed(0)}×${box.height.toFixed(0)} px < ${least}×${least}`);
    }
  }

  // ---------------------------------------------------------------- colour alone
  for (const [selector, words] of Object.entries(f.coded || {})) {
    for (const el of document.querySelectorAll(selector)) {
      if (!shown(el)) continue;
      const text = el.textContent.replace(/\s+/g, '');
      if (!words.some(w => text.includes(w))) report('colour alone', el, `says none of ${words.join(' ')}`);
    }
  }

  // ---------------------------------------------------------------- tables
  if (document.documentElement.scrollWidth > viewport) {
    report('page width', document.body, `${document.documentElement.scrollWidth} px wide in a ${viewport} px screen`);
  }
  for (const table of document.querySelectorAll('article table')) {
    if (!shown(table)) continue;
    const box = table.closest(f.scroll_box);
    if (!box) {
      if (table.getBoundingClientRect().right > viewport + 0.5) report('table', table, 'wider than the screen, no scroll box');
      continue;
    }
    if (box.scrollWidth > box.clientWidth + 1) {
      const hint = box.previousElementSibling;
      if (!hint || !hint.matches(f.scroll_hint) || !shown(hint)) report('table hint', box, `scrolls inside its box (${box.scrollWidth} > ${box.clientWidth} px) with no visible hint`);
    }
  }
  return found;
}
