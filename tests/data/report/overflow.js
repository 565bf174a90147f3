// Every problem a reader would see as overflow (tests/test_report_browser.py evaluates this).
() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : '');
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.table-wrap table') || el.closest('svg') || el.classList.contains('skip')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) found.push(['viewport', name(el), box.left, box.right, width]);
    if (!el.classList.contains('table-wrap') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      found.push(['scroll', name(el), el.scrollWidth, el.clientWidth]);
    if (el.children.length === 0 && el.textContent.trim() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      found.push(['text', name(el), el.scrollWidth, el.clientWidth, el.textContent.slice(0, 40)]);
  }
  for (const svg of document.querySelectorAll('svg.chart')) {
    const outer = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1 || box.top < outer.top - 1 || box.bottom > outer.bottom + 1)
        found.push(['svg-text', svg.closest('section').id, text.textContent, box.left, box.right, outer.left, outer.right]);
    }
    const labels = [...svg.querySelectorAll('text.value, text.period')].map(t => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const [a, p] = labels[i], [b, q] = labels[j];
      if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
        found.push(['overlap', svg.closest('section').id, a, b]);
    }
  }
  if (document.documentElement.scrollWidth > width) found.push(['page', document.documentElement.scrollWidth, width]);
  return found;
}
