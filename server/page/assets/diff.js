// Word-level diff of two revisions of a paragraph. Tokens are whole Vietnamese words (a letter followed
// by letters, combining marks and digits), runs of digits, runs of whitespace, or one other character;
// texts are NFC-normalised first so a word typed with combining marks equals its precomposed form.

const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*|\p{N}+|\s+|[^\s\p{L}\p{N}]/gu;

/** Above this many table cells, the changed middle is shown as one deletion and one insertion. */
const MAX_CELLS = 4_000_000;

export function tokenize(text) {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/** Longest common subsequence of two token lists, as eq/del/ins steps in order. */
function lcs(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [...a.map((t) => ({ op: 'del', text: t })), ...b.map((t) => ({ op: 'ins', text: t }))];
  }
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = a[i] === b[j] ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  const steps = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      steps.push({ op: 'eq', text: a[i] });
      i++;
      j++;
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) steps.push({ op: 'del', text: a[i++] });
    else steps.push({ op: 'ins', text: b[j++] });
  }
  while (i < n) steps.push({ op: 'del', text: a[i++] });
  while (j < m) steps.push({ op: 'ins', text: b[j++] });
  return steps;
}

/**
 * Joins steps into readable runs: a changed phrase reads as one deletion followed by one insertion,
 * the single spaces between its words included, instead of alternating word by word.
 */
function runs(steps) {
  const out = [];
  const push = (op, text) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let k = 0;
  while (k < steps.length) {
    if (steps[k].op === 'eq') {
      push('eq', steps[k++].text);
      continue;
    }
    const group = [];
    while (k < steps.length) {
      const s = steps[k];
      const bridge = s.op === 'eq' && /^\s+$/.test(s.text) && steps[k + 1] && steps[k + 1].op !== 'eq';
      if (s.op === 'eq' && !bridge) break;
      group.push(s);
      k++;
    }
    const mixed = group.some((s) => s.op === 'del') && group.some((s) => s.op === 'ins');
    if (mixed) {
      let del = group.filter((s) => s.op !== 'ins').map((s) => s.text).join('');
      let ins = group.filter((s) => s.op !== 'del').map((s) => s.text).join('');
      // Spaces both sides share at their ends are unchanged text, not part of the change.
      const lead = sharedSpace(del, ins, 1);
      const trail = sharedSpace(del.slice(lead.length), ins.slice(lead.length), -1);
      del = del.slice(lead.length, del.length - trail.length);
      ins = ins.slice(lead.length, ins.length - trail.length);
      push('eq', lead);
      push('del', del);
      push('ins', ins);
      push('eq', trail);
    } else {
      for (const s of group) push(s.op, s.text);
    }
  }
  return out;
}

/** Whitespace both texts share at their start (`dir` 1) or end (`dir` -1). */
function sharedSpace(a, b, dir) {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = dir > 0 ? a[n] : a[a.length - 1 - n];
    const y = dir > 0 ? b[n] : b[b.length - 1 - n];
    if (x !== y || !/\s/.test(x)) break;
    n++;
  }
  return dir > 0 ? a.slice(0, n) : a.slice(a.length - n);
}

/** The changes from `before` to `after`: a list of `{ op: 'eq' | 'del' | 'ins', text }`. */
export function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const steps = [
    ...a.slice(0, start).map((t) => ({ op: 'eq', text: t })),
    ...lcs(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((t) => ({ op: 'eq', text: t })),
  ];
  return runs(steps);
}

/** The diff as DOM: text nodes, `<del>` and `<ins>`, built without innerHTML. */
export function renderDiff(before, after, doc = document) {
  const fragment = doc.createDocumentFragment();
  for (const part of diffWords(before, after)) {
    if (part.op === 'eq') fragment.append(doc.createTextNode(part.text));
    else {
      const node = doc.createElement(part.op);
      node.textContent = part.text;
      node.title = part.op === 'ins' ? 'Thêm vào' : 'Bỏ đi';
      fragment.append(node);
    }
  }
  return fragment;
}
