// The elements of the coding margin, the same in the reader and in a saved
// report: a stripe (a bar in the code's colour, one per code and passage)
// and a passage's tag (its codes written once, at the top of its stripes).
// Text content and CSSOM custom properties only.

/** A stripe; `name` is what screen readers say of it. */
export function stripeElement(code: string, label: string, color: string, name: string): HTMLElement {
  const stripe = document.createElement('div');
  stripe.className = 'stripe';
  stripe.setAttribute('role', 'img');
  stripe.setAttribute('aria-label', name);
  stripe.dataset.code = code;
  stripe.title = label;
  stripe.style.setProperty('--code-color', color);
  return stripe;
}

/** A passage's tag: a line per code, a dot and its label; `title` says all (codes and themes). Hidden from screen readers: the stripes and the passage say it. */
export function tagElement(codes: ReadonlyArray<{ readonly label: string; readonly color: string }>, title: string): HTMLElement {
  const tag = document.createElement('div');
  tag.className = 'stripe-tag';
  tag.title = title;
  tag.setAttribute('aria-hidden', 'true');
  for (const code of codes) {
    const line = document.createElement('div');
    line.className = 'tag-line';
    const dot = document.createElement('span');
    dot.className = 'tag-dot';
    dot.style.setProperty('--code-color', code.color);
    line.append(dot, code.label);
    tag.appendChild(line);
  }
  return tag;
}
