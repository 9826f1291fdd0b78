import type { PageKind } from '../page-kinds';
/**
 * A contribution template as data: its fields, their labels, help texts, limits, and how
 * each maps to Markdown. The composer's form, the validation, the Markdown/JSON export and
 * the Markdown import are all derived from one of these (see form.ts, validate.ts,
 * markdown.ts), so a new template is a new schema and nothing else.
 */

/** How a quantity field reads the number the user typed (`50K req/s`, `2 years`). */
export type QuantityKind = 'scale' | 'duration';

interface FieldBase {
  /** Key in the values object (and in the JSON export). */
  key: string;
  /** Label in the form and in the exported Markdown (heading text or bold label). */
  label: string;
  /** One or two sentences under the field in the form: this project's own wording. */
  help: string;
  required: boolean;
  /** Example shown greyed out in an empty field. */
  placeholder?: string;
}

/** One line of text (`**Label**: value` in Markdown). */
export interface LineField extends FieldBase {
  kind: 'line';
  maxLength: number;
}

/** Several paragraphs of Markdown. */
export interface TextField extends FieldBase {
  kind: 'text';
  maxLength: number;
}

/** One of a fixed set of answers. */
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
}

/** A number with a unit, kept as typed; validation checks that it reads as one. */
export interface QuantityField extends FieldBase {
  kind: 'quantity';
  quantity: QuantityKind;
  maxLength: number;
}

/** A year, e.g. 2024. */
export interface YearField extends FieldBase {
  kind: 'year';
}

/**
 * A page of the library, stored as its page id. The Markdown body shows the page's title;
 * the id goes to the front matter under `frontMatterKey`.
 */
export interface PageField extends FieldBase {
  kind: 'page';
  frontMatterKey: string;
  /** The kind of page the id must point to; null = any page. */
  pageKind: PageKind | null;
}

/** Scalar fields: what a group or list item is made of. */
export type ScalarField = LineField | TextField | ChoiceField | QuantityField | YearField | PageField;

/** Named sub-fields under one heading (`### Outcomes` + `**Performance impact**: …`). */
export interface GroupField extends FieldBase {
  kind: 'group';
  fields: readonly ScalarField[];
}

/**
 * A repeated block. `table` lists (all sub-fields one line) become a Markdown table; `blocks`
 * lists become one sub-heading per item (`#### 1. title`) with the other sub-fields under it.
 */
export interface ListField extends FieldBase {
  kind: 'list';
  layout: 'table' | 'blocks';
  /** For `blocks`: the heading of item n, `{n}` and `{title}` replaced. */
  itemHeading?: string;
  /** For `blocks`: the sub-field written in the item heading. */
  titleKey?: string;
  fields: readonly ScalarField[];
  minItems: number;
  maxItems: number;
}

export type Field = ScalarField | GroupField | ListField;

/**
 * Where a top-level field goes in the Markdown body: `label` = a `**Label**: value` line in
 * the lead block; `section` = its own `###` heading with the value under it.
 */
export type Placement = 'label' | 'section';

export interface PlacedField {
  field: Field;
  placement: Placement;
}

export interface TemplateSchema {
  id: string;
  /** Bumped when the fields change; exported in the front matter. */
  version: number;
  /** Name in menus and the `##` heading of the exported body. */
  title: string;
  /** One line under the title in the composer. */
  description: string;
  /** Fields in the order of the maintainers' template. */
  fields: readonly PlacedField[];
  /** Key of the line field that names a draft in the drafts list, if any. */
  nameKey?: string;
  /** Key of the text field a migration run's progress summary is appended to, when the user attaches one. */
  attachKey?: string;
}

/** Values of a draft: plain JSON in the shape the fields give (`{outcomes: {performance}}`, lists as arrays). */
export type ReportValues = Record<string, unknown>;
