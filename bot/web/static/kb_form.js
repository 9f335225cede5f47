/* The record form, built from the field descriptions GET /app/api/kb sends (read off the
   knowledge-base models): texts in tg, ru and en side by side, with missing and stale
   translations marked; lists of texts and people; links to other records; synonyms. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const F = (D.form = {});

  F.key = (path) => path.join(".");
  F.get = (obj, path) => path.reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
  F.set = function (obj, path, value) {
    let o = obj;
    for (let i = 0; i < path.length - 1; i += 1) {
      if (o[path[i]] === null || typeof o[path[i]] !== "object") o[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      o = o[path[i]];
    }
    o[path[path.length - 1]] = value;
  };
  const emptyText = () => ({ tg: "", ru: "", en: "" });
  const filled = (text) => D.langCodes.filter((lang) => ((text || {})[lang] || "").trim());

  F.blank = function (spec) {
    switch (spec.type) {
      case "text": return spec.required ? emptyText() : null;
      case "words": return { tg: [], ru: [], en: [] };
      case "texts": case "records": case "refs": case "strings": return [];
      default: return spec.default !== undefined && spec.default !== null ? spec.default : (spec.type === "str" && spec.required ? "" : null);
    }
  };

  F.blankRecord = function (fields) {
    const record = {};
    for (const spec of fields) record[spec.name] = F.blank(spec);
    return record;
  };

  /* The draft as the API takes it: an optional text left empty in every language is no text. */
  F.clean = function (fields, draft) {
    const out = {};
    for (const spec of fields) {
      let value = draft[spec.name];
      if (spec.type === "text" && !spec.required && value && !filled(value).length) value = null;
      if (spec.type === "records" && Array.isArray(value)) value = value.map((item) => F.clean(spec.fields, item));
      if (value === undefined) continue;
      out[spec.name] = value;
    }
    return out;
  };

  F.order = function (kind) {
    // The record's key and its title first, the rest in the model's order.
    const first = [kind.key, kind.title];
    return [...kind.fields].sort((a, b) => {
      const ia = first.indexOf(a.name), ib = first.indexOf(b.name);
      return (ia < 0 ? 9 : ia) - (ib < 0 ? 9 : ib);
    });
  };

  function refreshFlags(grid, path, ctx) {
    const value = F.get(ctx.draft, path) || {};
    const given = filled(value);
    const stale = (ctx.status.stale || {})[F.key(path)] || [];
    for (const cell of grid.querySelectorAll(":scope > .lang")) {
      const lang = cell.dataset.lang;
      const missing = given.length > 0 && !given.includes(lang);
      const isStale = !missing && stale.includes(lang) && !ctx.touched.has(F.key([...path, lang]));
      cell.classList.toggle("missing", missing);
      cell.classList.toggle("stale", isStale);
      cell.querySelector(".badge").textContent = missing ? D.t("dash-kb-missing") : isStale ? D.t("dash-kb-stale") : "";
      cell.title = missing ? D.t("dash-kb-missing-hint") : isStale ? D.t("dash-kb-stale-hint") : "";
    }
  }

  function langCell(lang, input) {
    const meta = D.languages[lang];
    return h("label", { class: "lang", data: { lang } },
      h("span", { class: "lang-head", title: meta.name }, h("b", {}, lang.toUpperCase()), h("span", { class: "badge" })),
      input);
  }

  function textControl(spec, path, ctx) {
    const value = F.get(ctx.draft, path) || {};
    const grid = h("div", { class: "langs", data: { field: F.key(path) } });
    for (const lang of D.langCodes) {
      // Text areas that grow with their text: names of institutions are long in every language.
      const input = h("textarea", {
        class: "in auto", rows: spec.long ? 3 : 1, lang, dir: "auto",
        "data-path": F.key([...path, lang]), value: value[lang] || "",
        oninput: (event) => {
          F.fit(event.target);
          let current = F.get(ctx.draft, path);
          if (!current) {
            current = emptyText();
            F.set(ctx.draft, path, current);
          }
          current[lang] = event.target.value;
          ctx.touched.add(F.key([...path, lang]));
          refreshFlags(grid, path, ctx);
          ctx.changed();
        },
      });
      grid.append(langCell(lang, input));
    }
    refreshFlags(grid, path, ctx);
    return grid;
  }

  function wordsControl(spec, path, ctx) {
    const value = F.get(ctx.draft, path) || {};
    const grid = h("div", { class: "langs" });
    for (const lang of D.langCodes) {
      grid.append(langCell(lang, h("textarea", {
        class: "in auto", rows: 2, lang, "data-path": F.key([...path, lang]), value: (value[lang] || []).join("\n"),
        oninput: (event) => {
          F.fit(event.target);
          const words = event.target.value.split("\n").map((w) => w.trim()).filter(Boolean);
          F.set(ctx.draft, [...path, lang], words);
          ctx.changed();
        },
      })));
    }
    return h("div", {}, grid, h("div", { class: "hint" }, D.t("dash-kb-lines-hint")));
  }

  function listControl(spec, path, ctx) {
    const items = F.get(ctx.draft, path) || [];
    if (!F.get(ctx.draft, path)) F.set(ctx.draft, path, items);
    const box = h("div", { class: "items" });
    items.forEach((item, index) => {
      const itemPath = [...path, index];
      const body = spec.type === "texts"
        ? textControl({ long: true }, itemPath, ctx)
        : h("div", {}, spec.fields.map((sub) => F.field(sub, [...itemPath, sub.name], ctx)));
      box.append(h("div", { class: "item", data: { field: F.key(itemPath) } }, body,
        h("div", { class: "row" }, h("button", {
          type: "button", class: "btn small secondary",
          onclick: () => { items.splice(index, 1); ctx.changed(); ctx.rerender(); },
        }, D.t("dash-kb-remove-item")))));
    });
    box.append(h("div", {}, h("button", {
      type: "button", class: "btn small secondary",
      onclick: () => {
        items.push(spec.type === "texts" ? emptyText() : F.blankRecord(spec.fields));
        ctx.changed();
        ctx.rerender();
      },
    }, D.t("dash-kb-add-item"))));
    return box;
  }

  function optionLabel(ctx, target, id) {
    const found = (ctx.options[target] || []).find((o) => o.id === id);
    return found ? `${found.label} (${id})` : id;
  }

  function refsControl(spec, path, ctx) {
    const ids = F.get(ctx.draft, path) || [];
    if (!F.get(ctx.draft, path)) F.set(ctx.draft, path, ids);
    const chips = h("div", { class: "chips" }, ids.map((id, index) => h("span", { class: "chip" },
      optionLabel(ctx, spec.target, id),
      h("button", {
        type: "button", class: "chip-x", title: D.t("dash-kb-remove-item"), "aria-label": D.t("dash-kb-remove-item"),
        onclick: () => { ids.splice(index, 1); ctx.changed(); ctx.rerender(); },
      }, "×"))));
    const options = (ctx.options[spec.target] || []).filter((o) => !ids.includes(o.id));
    const select = h("select", {
      class: "in", "data-path": F.key(path),
      onchange: (event) => {
        if (!event.target.value) return;
        ids.push(event.target.value);
        ctx.changed();
        ctx.rerender();
      },
    }, h("option", { value: "" }, D.t("dash-kb-add-item")), options.map((o) => h("option", { value: o.id }, `${o.label} (${o.id})`)));
    return h("div", {}, chips, select);
  }

  function selectControl(spec, path, ctx, choices) {
    const current = F.get(ctx.draft, path);
    const options = [...choices];
    if (current && !options.some((o) => o.id === current)) options.push({ id: current, label: current });
    const noDefault = spec.default === null || spec.default === undefined;
    const blank = (!spec.required && noDefault) || current === null || current === undefined || current === "";
    return h("select", {
      class: "in", "data-path": F.key(path), value: current === null || current === undefined ? "" : String(current),
      onchange: (event) => { F.set(ctx.draft, path, event.target.value || null); ctx.changed(); },
    }, blank ? h("option", { value: "" }, spec.required ? D.t("dash-kb-choose") : D.t("dash-kb-none")) : null,
    options.map((o) => h("option", { value: o.id }, o.label)));
  }

  function inputControl(spec, path, ctx) {
    const current = F.get(ctx.draft, path);
    const isKey = path.length === 1 && path[0] === ctx.kind.key;
    const type = spec.type === "date" ? "date" : spec.type === "int" ? "number" : "text";
    const input = h("input", {
      class: "in", type, step: type === "number" ? "1" : null, "data-path": F.key(path),
      value: current === null || current === undefined ? "" : String(current),
      readonly: isKey && !ctx.isNew, autocomplete: "off", spellcheck: type === "text" && !isKey ? null : "false",
      oninput: (event) => {
        const raw = event.target.value;
        let value = raw;
        if (raw === "") value = spec.type === "str" && spec.required ? "" : null;
        else if (spec.type === "int" && /^-?\d+$/.test(raw)) value = Number(raw);
        F.set(ctx.draft, path, value);
        ctx.changed();
      },
    });
    return isKey && ctx.isNew ? h("div", {}, input, h("div", { class: "hint" }, D.t("dash-kb-id-hint"))) : input;
  }

  F.control = function (spec, path, ctx) {
    switch (spec.type) {
      case "text": return textControl(spec, path, ctx);
      case "words": return wordsControl(spec, path, ctx);
      case "texts": case "records": return listControl(spec, path, ctx);
      case "refs": return refsControl(spec, path, ctx);
      case "ref": return selectControl(spec, path, ctx, ctx.options[spec.target] || []);
      case "choice": return selectControl(spec, path, ctx, spec.choices.map((c) => ({ id: c, label: D.t("dash-choice-" + c) })));
      case "strings": return wordsControl(spec, path, ctx);
      default: return inputControl(spec, path, ctx);
    }
  };

  F.field = function (spec, path, ctx) {
    return h("div", { class: "field", data: { field: F.key(path) } },
      h("div", { class: "field-head" },
        h("span", { class: "field-label" }, D.t("dash-field-" + spec.name)),
        spec.required ? h("span", { class: "req" }, D.t("dash-kb-required")) : null),
      F.control(spec, path, ctx),
      h("div", { class: "errors" }));
  };

  const TALLEST = 320; // px: a long text scrolls inside its box rather than stretching the form

  F.fit = function (area) {
    area.style.height = "auto";
    area.style.height = Math.min(area.scrollHeight + 2, TALLEST) + "px";
    area.style.overflowY = area.scrollHeight + 2 > TALLEST ? "auto" : "hidden";
  };

  F.build = function (form, ctx) {
    D.clear(form);
    for (const spec of F.order(ctx.kind)) form.append(F.field(spec, [spec.name], ctx));
    requestAnimationFrame(() => form.querySelectorAll("textarea.auto").forEach(F.fit));
  };
})();
