import {
  UNIT_TYPES,
  type ConsolidationResult,
  type GroupTotals,
  type Totals,
  type UnitKindStatus,
  type UnitStatus,
  formatProblem,
  type Language,
  type Problem,
  formatVietnamDateTime,
  formatVietnameseDate,
  formatNumber,
  formatPercent,
  INDICATORS,
  describePeriod,
  parsePeriodKey,
} from "../../core/index";
import {
  BRAND_COLOURS,
  KIND_LABELS,
  NO_CLUSTER_LABELS,
  NO_UNIT_TYPE_LABELS,
  OUTCOME_LABELS,
  REPORT_TEXTS,
  STATUS_COLOURS,
  STATUS_LABELS,
  type ReportTexts,
} from "./labels";

// ------------------------------------------------------------------ safe HTML

/** HTML that is already safe to emit; every other value is escaped on the way in. */
class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

/**
 * Escapes a text for element content and quoted attributes alike. A URL-looking text from a
 * submission is also broken with a zero-width space after "://", so that no viewer or mail client
 * turns it into a link: the report contains no URL at all.
 */
function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/:\/\//g, ":&#8203;//");
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return escapeText(String(value));
  if (typeof value === "string") return escapeText(value);
  return value.map(render).join("");
}

/** A template whose every interpolation is escaped unless it is itself SafeHtml. */
function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

// ------------------------------------------------------------------ numbers and words

const hex = (colour: string): string => `#${colour}`;

function groupLabel(group: GroupTotals, language: Language, byType: boolean): string {
  if (!byType) return group.key || NO_CLUSTER_LABELS[language];
  if (group.key === "") return NO_UNIT_TYPE_LABELS[language];
  const type = UNIT_TYPES.find((entry) => entry.code === group.key);
  return type ? (language === "vi" ? type.short : type.en) : group.key;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ------------------------------------------------------------------ charts (hand-built SVG)

/** The share of the drawing width that bars may use; the rest holds the value labels. */
const BAR_SPAN = 82;
const BAR_HEIGHT = 13;

/**
 * Horizontal bars, two per group (reporting rate, on-time rate). Positions along x are
 * percentages of the drawing's width and font sizes are pixels, so the chart fills any screen
 * without its text shrinking on a phone.
 */
function renderRateChart(
  id: string,
  title: string,
  groups: readonly GroupTotals[],
  texts: ReportTexts,
  language: Language,
  byType: boolean,
): SafeHtml {
  const series = [
    {
      key: "reporting",
      label: texts.reportingRate,
      colour: BRAND_COLOURS.reporting,
      pick: (totals: Totals) => totals.reportingRate,
    },
    {
      key: "on-time",
      label: texts.onTimeRate,
      colour: BRAND_COLOURS.onTime,
      pick: (totals: Totals) => totals.onTimeRate,
    },
  ] as const;
  const groupHeight = 22 + series.length * (BAR_HEIGHT + 5) + 12;
  const height = Math.max(groups.length, 1) * groupHeight;
  const rows = groups.map((group, index) => {
    const top = index * groupHeight;
    const label = groupLabel(group, language, byType);
    const count = `${formatNumber(group.totals.expected, language)} ${texts.unitsExpected}`;
    const bars = series.map((entry, seriesIndex) => {
      const value = Math.min(Math.max(entry.pick(group.totals), 0), 100);
      const y = top + 22 + seriesIndex * (BAR_HEIGHT + 5);
      const numerator = entry.key === "reporting" ? group.totals.received : group.totals.onTime;
      const tooltip = `${label} — ${entry.label}: ${formatPercent(value, language)} (${formatNumber(numerator, language)}/${formatNumber(group.totals.expected, language)})`;
      return html`<rect class="track" x="0" y="${y}" width="${BAR_SPAN}%" height="${BAR_HEIGHT}" rx="2"></rect
        ><rect
          data-bar
          data-series="${entry.key}"
          data-group="${group.key}"
          data-value="${value}"
          x="0"
          y="${y}"
          width="${((value * BAR_SPAN) / 100).toFixed(2)}%"
          height="${BAR_HEIGHT}"
          rx="2"
          fill="${hex(entry.colour)}"
          ><title>${tooltip}</title></rect
        ><text class="value" x="100%" y="${y + BAR_HEIGHT - 2}" text-anchor="end"
          >${formatPercent(value, language)}</text
        >`;
    });
    return html`<g
      ><text x="0" y="${top + 15}"
        ><tspan class="label">${truncate(label, 40)}</tspan><tspan class="count" dx="8">${count}</tspan
        ><title>${label} · ${count}</title></text
      >${bars}</g
    >`;
  });
  const legend = series.map(
    (entry) =>
      html`<span class="key"
        ><span class="swatch" style="background:${hex(entry.colour)}"></span>${entry.label}</span
      >`,
  );
  return html`<figure class="chart">
    <figcaption>
      <h2>${title}</h2>
      <p class="note">${texts.chartNote}</p>
      <p class="legend">${legend}</p>
    </figcaption>
    <svg data-chart="${id}" role="img" aria-label="${title}" width="100%" height="${height}">
      <title>${title}</title>
      ${rows}
    </svg>
  </figure>`;
}

/** One bar split by status: the province at a glance. */
function renderStatusMix(totals: Totals, texts: ReportTexts, language: Language): SafeHtml {
  const parts: { status: UnitStatus; count: number }[] = [
    { status: "on_time", count: totals.onTime },
    { status: "late", count: totals.late },
    { status: "invalid", count: totals.invalid },
    { status: "missing", count: totals.missing },
    { status: "not_due", count: totals.notDue },
  ];
  let x = 0;
  const segments = parts
    .filter((part) => part.count > 0 && totals.expected > 0)
    .map((part) => {
      const width = (part.count / totals.expected) * 100;
      const segment = html`<rect
        data-bar
        data-series="${part.status}"
        x="${x.toFixed(3)}%"
        y="0"
        width="${width.toFixed(3)}%"
        height="22"
        fill="${hex(STATUS_COLOURS[part.status].strong)}"
        ><title>
          ${STATUS_LABELS[language][part.status]}: ${formatNumber(part.count, language)}
          (${formatPercent(width, language)})
        </title></rect
      >`;
      x += width;
      return segment;
    });
  const legend = parts.map(
    (part) =>
      html`<span class="key"
        ><span class="swatch" style="background:${hex(STATUS_COLOURS[part.status].strong)}"></span
        >${STATUS_LABELS[language][part.status]} ${formatNumber(part.count, language)}</span
      >`,
  );
  return html`<div class="mix">
    <p class="mix-title">${texts.statusMix}</p>
    <svg data-chart="status-mix" role="img" aria-label="${texts.statusMix}" width="100%" height="22">
      <title>${texts.statusMix}</title>
      <rect class="track" x="0" y="0" width="100%" height="22"></rect>
      ${segments}
    </svg>
    <p class="legend">${legend}</p>
  </div>`;
}

// ------------------------------------------------------------------ sections

function badge(status: UnitStatus, language: Language): SafeHtml {
  const colour = STATUS_COLOURS[status];
  return html`<span class="badge" style="background:${hex(colour.fill)};color:${hex(colour.text)}"
    >${STATUS_LABELS[language][status]}</span
  >`;
}

function renderHeadline(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const { totals } = result;
  const share = (count: number): string =>
    totals.expected === 0
      ? ""
      : `${formatPercent((count / totals.expected) * 100, language)} ${texts.ofExpected}`;
  const cards: { label: string; value: string; note: string; colour: string }[] = [
    {
      label: texts.expected,
      value: formatNumber(totals.expected, language),
      note: "",
      colour: BRAND_COLOURS.navy,
    },
    {
      label: texts.received,
      value: formatNumber(totals.received, language),
      note: share(totals.received),
      colour: BRAND_COLOURS.reporting,
    },
    {
      label: texts.onTime,
      value: formatNumber(totals.onTime, language),
      note: share(totals.onTime),
      colour: STATUS_COLOURS.on_time.strong,
    },
    {
      label: texts.late,
      value: formatNumber(totals.late, language),
      note: share(totals.late),
      colour: STATUS_COLOURS.late.strong,
    },
    {
      label: texts.invalid,
      value: formatNumber(totals.invalid, language),
      note: share(totals.invalid),
      colour: STATUS_COLOURS.invalid.strong,
    },
    {
      label: texts.missing,
      value: formatNumber(totals.missing, language),
      note: share(totals.missing),
      colour: STATUS_COLOURS.missing.strong,
    },
    {
      label: texts.notDue,
      value: formatNumber(totals.notDue, language),
      note: share(totals.notDue),
      colour: STATUS_COLOURS.not_due.strong,
    },
    {
      label: texts.reportingRate,
      value: formatPercent(totals.reportingRate, language),
      note: "",
      colour: BRAND_COLOURS.reporting,
    },
    {
      label: texts.onTimeRate,
      value: formatPercent(totals.onTimeRate, language),
      note: "",
      colour: BRAND_COLOURS.onTime,
    },
  ];
  return html`<section aria-labelledby="headline">
    <h2 id="headline">${texts.headline}</h2>
    <div class="cards">
      ${cards.map(
        (card) =>
          html`<div class="card" style="border-left-color:${hex(card.colour)}">
            <div class="card-label">${card.label}</div>
            <div class="card-value">${card.value}</div>
            <div class="card-note">${card.note}</div>
          </div>`,
      )}
    </div>
    ${renderStatusMix(totals, texts, language)}
  </section>`;
}

/** The figures of a Totals, in the order every table of the report shows them. */
const TOTALS_FIGURES = [
  ["expected", (totals: Totals) => totals.expected, "number"],
  ["received", (totals: Totals) => totals.received, "number"],
  ["onTime", (totals: Totals) => totals.onTime, "number"],
  ["late", (totals: Totals) => totals.late, "number"],
  ["invalid", (totals: Totals) => totals.invalid, "number"],
  ["missing", (totals: Totals) => totals.missing, "number"],
  ["notDue", (totals: Totals) => totals.notDue, "number"],
  ["reportingRate", (totals: Totals) => totals.reportingRate, "percent"],
  ["onTimeRate", (totals: Totals) => totals.onTimeRate, "percent"],
] as const;

function totalsHeads(texts: ReportTexts): SafeHtml[] {
  return TOTALS_FIGURES.map(([key]) => html`<th class="num">${texts[key]}</th>`);
}

function totalsCells(totals: Totals, texts: ReportTexts, language: Language): SafeHtml[] {
  return TOTALS_FIGURES.map(([key, pick, format]) => {
    const value =
      format === "percent" ? formatPercent(pick(totals), language) : formatNumber(pick(totals), language);
    return html`<td class="num" data-label="${texts[key]}">${value}</td>`;
  });
}

function renderByKind(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const rows = result.totalsByPeriod.map(({ kind, period, totals }) => {
    const lastDay = result.deadlines.find((deadline) => deadline.period === period)?.lastDay ?? null;
    const due = lastDay ? `${texts.lastDay} ${formatVietnameseDate(lastDay)}` : texts.noDeadline;
    return html`<tr>
      <td data-label="${texts.kind}" class="unit">
        <strong>${KIND_LABELS[language][kind]}</strong>
        <div class="sub">${texts.period}: ${periodName(period, language)} · ${texts.deadline}: ${due}</div>
      </td>
      ${totalsCells(totals, texts, language)}
    </tr>`;
  });
  return html`<section aria-labelledby="by-kind">
    <h2 id="by-kind">${texts.byKind}</h2>
    <table class="stack">
      <thead>
        <tr>
          <th>${texts.kind}</th>
          ${totalsHeads(texts)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function periodName(key: string, language: Language): string {
  const period = parsePeriodKey(key);
  return period ? describePeriod(period, language) : key;
}

/** Each year's report beside the others, and each indicator's province total per year. */
function renderAcrossYears(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const { acrossYears } = result;
  if (acrossYears.years.length === 0) return html``;
  const number = (value: number | null): string => (value === null ? "–" : formatNumber(value, language));
  const totalsRows = acrossYears.totals.map(
    ({ year, totals }) =>
      html`<tr>
        <td data-label="${texts.year}" class="unit"><strong>${String(year)}</strong></td>
        ${totalsCells(totals, texts, language)}
      </tr>`,
  );
  const indicatorRows = acrossYears.indicators.map((entry) => {
    const indicator = INDICATORS.find((candidate) => candidate.code === entry.code);
    return html`<tr>
      <td data-label="${texts.indicator}" class="unit">
        <strong>${entry.code}</strong>
        <div class="sub">${indicator ? (language === "vi" ? indicator.vi : indicator.en) : ""}</div>
      </td>
      ${entry.byYear.map(
        (year) => html`<td class="num" data-label="${String(year.year)}">${number(year.province)}</td>`,
      )}
    </tr>`;
  });
  return html`<section aria-labelledby="across-years">
    <h2 id="across-years">${texts.acrossYears}</h2>
    <p class="note">${texts.acrossYearsNote}</p>
    <table class="stack" data-table="across-years-totals">
      <thead>
        <tr>
          <th>${texts.year}</th>
          ${totalsHeads(texts)}
        </tr>
      </thead>
      <tbody>
        ${totalsRows}
      </tbody>
    </table>
    <table class="stack" data-table="across-years-indicators">
      <thead>
        <tr>
          <th>${texts.indicator}</th>
          ${acrossYears.years.map((year) => html`<th class="num">${String(year)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${indicatorRows}
      </tbody>
    </table>
  </section>`;
}

function findSampleProblem(result: ConsolidationResult, code: string): Problem | undefined {
  for (const file of result.files) {
    const problem = file.problems.find((candidate) => candidate.code === code);
    if (problem) return problem;
  }
  return undefined;
}

function renderTopProblems(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const top = result.topProblems.slice(0, 10);
  if (top.length === 0)
    return html`<section aria-labelledby="problems">
      <h2 id="problems">${texts.topProblems}</h2>
      <p class="empty">${texts.noProblems}</p>
    </section>`;
  const rows = top.map((entry) => {
    const sample = findSampleProblem(result, entry.code);
    return html`<tr>
      <td data-label="${texts.problemCode}"><code>${entry.code}</code></td>
      <td data-label="${texts.problemExample}" class="message">
        ${sample ? formatProblem(sample, language) : entry.code}
      </td>
      <td class="num" data-label="${texts.occurrences}">${formatNumber(entry.count, language)}</td>
      <td class="num" data-label="${texts.files}">${formatNumber(entry.files, language)}</td>
    </tr>`;
  });
  return html`<section aria-labelledby="problems">
    <h2 id="problems">${texts.topProblems}</h2>
    <p class="note">${texts.topProblemsNote}</p>
    <table class="stack">
      <thead>
        <tr>
          <th>${texts.problemCode}</th>
          <th>${texts.problemExample}</th>
          <th class="num">${texts.occurrences}</th>
          <th class="num">${texts.files}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function renderFollowUp(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const entries: readonly UnitKindStatus[] = result.followUp;
  // From OneDrive: who uploaded the file judged (useful when a unit says it sent another one).
  const uploaders = new Map(result.files.map((file) => [file.file, file.origin?.uploadedBy ?? null]));
  const uploader = (file: string | null): string | null =>
    file === null ? null : (uploaders.get(file) ?? null);
  const edits = new Map(result.files.map((file) => [file.file, file.origin?.editedLater ?? null]));
  const editedLater = (file: string | null): string | null => {
    const edit = file === null ? null : edits.get(file);
    return edit ? `${edit.by ?? "?"}, ${formatVietnamDateTime(edit.at)}` : null;
  };
  const body =
    entries.length === 0
      ? html`<p class="empty">${texts.nothingToFollowUp}</p>`
      : html`<table class="stack follow-up">
          <thead>
            <tr>
              <th>${texts.unit}</th>
              <th>${texts.kind}</th>
              <th>${texts.status}</th>
              <th>${texts.email}</th>
              <th>${texts.receivedAt}</th>
              <th class="num">${texts.errors}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (entry) =>
                html`<tr data-status="${entry.status}">
                  <td data-label="${texts.unit}" class="unit">
                    <div>
                      <span class="unit-code">${entry.unit.code}</span>
                      <span class="unit-name">${entry.unit.name}</span>
                    </div>
                    <div class="sub">${entry.unit.cluster}</div>
                  </td>
                  <td data-label="${texts.kind}" class="kind">${KIND_LABELS[language][entry.kind]}</td>
                  <td data-label="${texts.status}">${badge(entry.status, language)}</td>
                  <td data-label="${texts.email}" class="email">${entry.unit.email}</td>
                  <td data-label="${texts.receivedAt}" class="when">
                    ${entry.receivedAt === null ? "—" : formatVietnamDateTime(entry.receivedAt)}
                    ${uploader(entry.file) ? html`<div class="sub">${texts.uploadedBy} ${uploader(entry.file)}</div>` : ""}
                    ${editedLater(entry.file) ? html`<div class="sub">${texts.editedLater} ${editedLater(entry.file)}</div>` : ""}
                  </td>
                  <td class="num" data-label="${texts.errors}">
                    ${entry.status === "missing" ? "—" : formatNumber(entry.errors, language)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`<section aria-labelledby="follow-up">
    <h2 id="follow-up">
      ${texts.followUp} <span class="count">${formatNumber(entries.length, language)}</span>
    </h2>
    <p class="note">${texts.followUpNote}</p>
    <div class="scroll">${body}</div>
  </section>`;
}

/** Files that name one unit and code another: listed for an officer to decide, never counted. */
function renderReview(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  if (result.review.length === 0) return html``;
  const rows = result.review.map((file) => {
    const conflict = file.problems.find((problem) => problem.code === "UNIT_NAME_CONFLICT");
    return html`<tr>
      <td data-label="${texts.file}" class="unit">${file.file}</td>
      <td data-label="${texts.unitCode}"><code>${file.unitCode ?? ""}</code></td>
      <td data-label="${texts.pointsTo}"><code>${file.pointsTo ?? ""}</code></td>
      <td data-label="${texts.problemExample}" class="message">
        ${conflict ? formatProblem(conflict, language) : ""}
      </td>
    </tr>`;
  });
  return html`<section aria-labelledby="review">
    <h2 id="review">
      ${texts.review} <span class="count">${formatNumber(result.review.length, language)}</span>
    </h2>
    <p class="note">${texts.reviewNote}</p>
    <table class="stack">
      <thead>
        <tr>
          <th>${texts.file}</th>
          <th>${texts.unitCode}</th>
          <th>${texts.pointsTo}</th>
          <th>${texts.problemExample}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function renderFiles(result: ConsolidationResult, texts: ReportTexts, language: Language): SafeHtml {
  const rows = result.outcomeCounts
    .filter(({ count }) => count > 0)
    .map(
      ({ outcome, count }) =>
        html`<tr>
          <td>${OUTCOME_LABELS[language][outcome]}</td>
          <td class="num">${formatNumber(count, language)}</td>
        </tr>`,
    );
  return html`<section aria-labelledby="files">
    <h2 id="files">${texts.filesHeading}</h2>
    <table class="compact">
      <thead>
        <tr>
          <th>${texts.outcome}</th>
          <th class="num">${texts.files}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
        <tr class="total">
          <td>Σ</td>
          <td class="num">${formatNumber(result.files.length, language)}</td>
        </tr>
      </tbody>
    </table>
  </section>`;
}

const STYLESHEET = `
:root{--navy:#${BRAND_COLOURS.navy};--ink:#1f2933;--muted:#5b6675;--line:#dde2ea;--soft:#eef2f8;--bg:#f3f5f8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 "Segoe UI",Roboto,"Noto Sans","Helvetica Neue","DejaVu Sans",Arial,sans-serif}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
.masthead{background:var(--navy);color:#fff;border-bottom:4px solid #b8912f;padding:22px 0 18px}
.authority{margin:0 0 6px;font-size:12px;letter-spacing:.08em;opacity:.85}
h1{margin:0 0 6px;font-size:25px;font-weight:600;line-height:1.25}
.movement{margin:0 0 12px;font-size:14px;opacity:.92;max-width:60em}
.meta{margin:0;font-size:13px;opacity:.9}
.meta strong{font-weight:600}
main{padding:8px 16px 8px}
section,figure.chart{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:16px 0}
h2{margin:0 0 4px;font-size:17px;font-weight:600;color:var(--navy)}
h2 .count{display:inline-block;min-width:1.8em;padding:0 8px;border-radius:10px;background:var(--soft);font-size:13px;text-align:center;vertical-align:middle}
.note{margin:0 0 12px;color:var(--muted);font-size:13px}
.empty{margin:8px 0 0;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:12px 0 16px}
.card{border:1px solid var(--line);border-left:4px solid var(--navy);border-radius:6px;padding:9px 12px;background:#fff}
.card-label{font-size:13px;color:var(--muted)}
.card-value{font-size:26px;font-weight:600;line-height:1.2;font-variant-numeric:tabular-nums}
.card-note{font-size:12px;color:var(--muted);min-height:1.2em}
.mix-title{margin:0 0 6px;font-size:13px;color:var(--muted)}
.legend{margin:8px 0 0;font-size:13px;color:var(--muted)}
.key{display:inline-block;margin:0 14px 4px 0;white-space:nowrap}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}
figure.chart{margin:16px 0}
figcaption{margin-bottom:10px}
figcaption .legend{margin-top:0}
svg{display:block;overflow:hidden}
svg text{font-family:inherit;fill:var(--ink)}
svg .label{font-size:13px;font-weight:600}
svg .count{font-size:11px;fill:var(--muted)}
svg .value{font-size:12px;font-variant-numeric:tabular-nums}
svg .track{fill:#${BRAND_COLOURS.track}}
table{width:100%;border-collapse:collapse;font-size:14px}
th{background:var(--soft);color:var(--navy);font-weight:600;text-align:left;padding:8px;border-bottom:1px solid var(--line)}
td{padding:7px 8px;border-bottom:1px solid #edf0f4;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sub{font-size:12px;color:var(--muted)}
code{font:12px/1.4 "DejaVu Sans Mono",Consolas,monospace;color:var(--navy);word-break:break-all}
.message{max-width:40em}
.badge{display:inline-block;padding:1px 9px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.unit-code{font-weight:600;color:var(--navy)}
.email{overflow-wrap:anywhere}
.when{white-space:nowrap}
td.unit{min-width:16em}
table.compact{width:auto;min-width:50%}
tr.total td{font-weight:600;border-top:2px solid var(--line)}
footer{max-width:1100px;margin:0 auto;padding:4px 32px 32px;color:var(--muted);font-size:12px}
.scroll{overflow-x:auto}
@media (min-width:641px){.email,td.kind{white-space:nowrap}}
@media (max-width:820px){.charts{grid-template-columns:1fr}}
@media (max-width:640px){
  body{font-size:14px}
  h1{font-size:21px}
  main{padding:4px 10px}
  section,figure.chart{padding:14px 12px;margin:12px 0}
  .cards{grid-template-columns:1fr 1fr;gap:8px}
  .card-value{font-size:22px}
  table.stack thead{display:none}
  table.stack tr{display:block;border:1px solid var(--line);border-radius:6px;margin:0 0 10px;padding:6px 10px}
  table.stack td{display:flex;justify-content:space-between;gap:14px;border:0;padding:3px 0;text-align:right}
  table.stack td::before{content:attr(data-label);color:var(--muted);text-align:left;flex:0 0 auto;font-weight:400}
  table.stack td.unit{display:block;text-align:left;min-width:0;padding-bottom:5px;border-bottom:1px solid #edf0f4;margin-bottom:3px}
  table.stack td.unit::before{display:none}
  table.stack td.message{max-width:none;text-align:left;display:block}
  table.stack td.message::before{display:block}
  table.compact{width:100%}
}
@media print{body{background:#fff}.masthead{background:#fff;color:var(--ink);border-bottom:2px solid var(--navy)}section,figure.chart{break-inside:avoid;border-color:#ccc}}
`;

/**
 * The consolidation as one self-contained HTML page: inline CSS and hand-built SVG charts, no
 * script and no URL of any kind (a Content-Security-Policy forbids loading anything), readable on a
 * phone. Every text from a submission or the registry is escaped.
 */
export function renderHtmlReport(result: ConsolidationResult, language: Language = "vi"): string {
  const texts = REPORT_TEXTS[language];
  const deadlines = result.deadlines.map(
    ({ kind, period, lastDay }) =>
      `${kind} (${periodName(period, language)}) ${lastDay ? `${texts.lastDay} ${formatVietnameseDate(lastDay)}` : texts.noDeadline}`,
  );
  const sourceNotes = [
    ...(result.receivedTimes === "modification_time" ? [texts.receivedTimesNote] : []),
    ...result.sourceProblems.map((problem) => formatProblem(problem, language)),
  ];
  const page = html`<!DOCTYPE html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
        />
        <meta name="referrer" content="no-referrer" />
        <meta name="generator" content="thidua" />
        <title>${texts.documentTitle} — ${formatVietnamDateTime(result.asOf)}</title>
        <style>
          ${new SafeHtml(STYLESHEET)}
        </style>
      </head>
      <body>
        <header class="masthead">
          <div class="wrap">
            <p class="authority">${texts.authority}</p>
            <h1>${texts.heading}</h1>
            <p class="movement">${texts.movement}</p>
            <p class="meta">
              ${texts.asOf} <strong>${formatVietnamDateTime(result.asOf)}</strong> (${texts.vietnamTime}) ·
              ${texts.reportYear}
              ${result.year}${deadlines.length > 0 ? html` · ${texts.deadline}: ${deadlines.join("; ")}` : ""}
            </p>
            ${sourceNotes.map((note) => html`<p class="meta source-note">${note}</p>`)}
          </div>
        </header>
        <main class="wrap">
          ${renderHeadline(result, texts, language)} ${renderByKind(result, texts, language)}
          <div class="charts">
            ${renderRateChart("by-unit-type", texts.byUnitType, result.byUnitType, texts, language, true)}
            ${renderRateChart("by-cluster", texts.byCluster, result.byCluster, texts, language, false)}
          </div>
          ${renderAcrossYears(result, texts, language)} ${renderFollowUp(result, texts, language)}
          ${renderTopProblems(result, texts, language)} ${renderReview(result, texts, language)}
          ${renderFiles(result, texts, language)}
        </main>
        <footer>
          ${texts.footer} ${texts.source}: ${result.source} · ${texts.templateVersion}
          ${result.templateVersion}, ${texts.ruleVersion} ${result.ruleVersion}.
        </footer>
      </body>
    </html> `;
  return page.value;
}
