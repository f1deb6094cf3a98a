// The page's one script: a click on an official, a unit, a light or a figure shows only the
// matching rows of the lists. It reads the tokens rows carry (places in the page's lists, lights),
// never task text, and writes only textContent. ES5 and no closest(), for the older browsers
// that government intranets keep; without it the page shows everything.
export const SCRIPT = `(function () {
  var doc = document, root = doc.documentElement, state = null;
  function get(el, name) { return el.getAttribute(name); }
  function each(list, fn) { for (var i = 0; i < list.length; i++) fn(list[i]); }
  function pickOf(el) {
    return { lead: get(el, 'data-lead'), unit: get(el, 'data-unit'), light: get(el, 'data-light'), label: get(el, 'data-label') || '' };
  }
  function same(a, b) { return a.lead === b.lead && a.unit === b.unit && a.light === b.light; }
  function holds(row, name, value) {
    return value === null || (' ' + (get(row, name) || '') + ' ').indexOf(' ' + value + ' ') >= 0;
  }
  function matches(row) {
    return !state || (holds(row, 'data-lead', state.lead) && holds(row, 'data-unit', state.unit) && holds(row, 'data-light', state.light));
  }
  function mark(el, name, on) {
    var list = (get(el, 'class') || '').split(' '), at = -1;
    for (var i = 0; i < list.length; i++) if (list[i] === name) at = i;
    if (on && at < 0) list.push(name);
    if (!on && at >= 0) list.splice(at, 1);
    el.setAttribute('class', list.join(' '));
  }
  function apply() {
    each(doc.querySelectorAll('[data-list]'), function (list) {
      var shown = 0;
      each(list.querySelectorAll('[data-row]'), function (row) {
        var ok = matches(row);
        row.hidden = !ok;
        if (ok) shown++;
      });
      var none = list.querySelector('[data-none]');
      if (none) none.hidden = !state || shown > 0;
      list.querySelector('.shown').hidden = !state;
      list.querySelector('[data-shown]').textContent = String(shown);
    });
    each(doc.querySelectorAll('[data-pick]'), function (el) { mark(el, 'picked', state !== null && same(pickOf(el), state)); });
    mark(root, 'filtered', state !== null);
    doc.getElementById('filter').hidden = state === null;
    doc.getElementById('filter-label').textContent = state ? state.label : '';
  }
  function chosen(event) {
    for (var el = event.target; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('data-pick') || el.hasAttribute('data-clear')) return el;
    }
    return null;
  }
  function choose(el) {
    var pick = el.hasAttribute('data-clear') ? null : pickOf(el);
    state = pick && !(state && same(state, pick)) ? pick : null;
    apply();
  }
  doc.addEventListener('click', function (event) {
    var el = chosen(event);
    if (el) choose(el);
  });
  doc.addEventListener('keydown', function (event) {
    var el = (event.key === 'Enter' || event.key === ' ') && chosen(event);
    if (el) {
      event.preventDefault();
      choose(el);
    }
  });
  mark(root, 'js', true);
})();`;
