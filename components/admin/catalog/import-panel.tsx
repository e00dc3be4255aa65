'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { type CsvRecord, CsvSyntaxError, parseCsv } from '@/lib/admin/catalog/csv';
import { importBatches } from '@/lib/admin/catalog/csv-columns';
import { PREVIEW_CONTENT_TYPE, previewBody } from '@/lib/admin/catalog/import-format';
import { emptyReport, mergeReports, REPORT_LIMITS } from '@/lib/admin/catalog/import-report';
import type { ImportIssue, ImportReport } from '@/lib/admin/catalog/types';

const MAX_FILE_BYTES = 40 * 1024 * 1024;
const BATCH_ROWS = 500;
const SHOWN_ROWS = REPORT_LIMITS.rows;
const SHOWN_ISSUES = REPORT_LIMITS.issues;

type Parsed = { name: string; header: string[]; rows: CsvRecord[] };
type Phase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'checked'; report: ImportReport }
  | { step: 'importing'; done: number; total: number; report: ImportReport }
  | { step: 'done'; report: ImportReport; stopped: boolean };

/**
 * The dry run sends the whole file as newline-delimited JSON, which the server checks as it arrives
 * (lib/admin/catalog/import-format.ts); each import batch is one JSON request.
 */
async function post(mode: 'preview' | 'apply', header: string[], rows: CsvRecord[]): Promise<ImportReport> {
  const response = await fetch('/api/admin/products/import', {
    method: 'POST',
    headers: { 'content-type': mode === 'preview' ? PREVIEW_CONTENT_TYPE : 'application/json' },
    body: mode === 'preview' ? previewBody(header, rows) : JSON.stringify({ mode, header, rows }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new Error(failureKey(mode, body?.error?.code));
  }
  return (await response.json()) as ImportReport;
}

/** The `failures.*` message of an error code of the import route (README, "JSON API"). */
function failureKey(mode: 'preview' | 'apply', code: string | undefined): string {
  if (code === 'tooLarge') return mode === 'preview' ? 'fileTooLarge' : 'batchTooLarge';
  if (code === 'invalidRequest' || code === 'invalidJson') return 'invalid';
  return code ?? 'other';
}

/**
 * CSV import: read and parse the file in the browser, a dry run on the server (what would be created
 * or updated, every error by line and column), then the import in batches of whole products, one
 * request each, with a progress bar. Stopping keeps the batches already imported.
 */
export function ImportPanel() {
  const t = useTranslations('admin.catalog.import');
  const tErrors = useTranslations('admin.catalog.errors');
  const id = useId();
  const [file, setFile] = useState<Parsed | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const stop = useRef(false);

  const issueText = (issue: ImportIssue) => {
    const key = tErrors.has(issue.message) ? issue.message : 'invalid';
    return tErrors(key, { detail: '', ...issue.params });
  };
  const requestError = (error: unknown) => {
    const key = (error as Error).message;
    return t.has(`failures.${key}`) ? t(`failures.${key}`) : t('failures.other');
  };

  async function choose(list: FileList | null) {
    const chosen = list?.[0];
    setFile(null);
    setFileError(null);
    setFailure(null);
    setPhase({ step: 'idle' });
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileError(t('fileTooLarge', { limit: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      const records = parseCsv(await chosen.text());
      const [head, ...rows] = records;
      if (!head || rows.length === 0) {
        setFileError(t('fileEmpty'));
        return;
      }
      setFile({ name: chosen.name, header: head.cells, rows });
    } catch (error) {
      setFileError(
        error instanceof CsvSyntaxError ? t(`syntax.${error.reason}`, { line: error.line }) : t('fileUnreadable'),
      );
    }
  }

  async function check() {
    if (!file) return;
    setFailure(null);
    setPhase({ step: 'checking' });
    try {
      setPhase({ step: 'checked', report: await post('preview', file.header, file.rows) });
    } catch (error) {
      setFailure(requestError(error));
      setPhase({ step: 'idle' });
    }
  }

  async function run() {
    if (!file) return;
    stop.current = false;
    setFailure(null);
    const batches = importBatches(file.header, file.rows, BATCH_ROWS);
    let report = emptyReport();
    let done = 0;
    setPhase({ step: 'importing', done, total: file.rows.length, report });
    for (const batch of batches) {
      if (stop.current) {
        setPhase({ step: 'done', report, stopped: true });
        return;
      }
      try {
        report = mergeReports(report, await post('apply', file.header, batch));
      } catch (error) {
        setFailure(requestError(error));
        setPhase({ step: 'done', report, stopped: true });
        return;
      }
      done += batch.length;
      setPhase({ step: 'importing', done, total: file.rows.length, report });
    }
    setPhase({ step: 'done', report, stopped: false });
  }

  const report = phase.step === 'checked' || phase.step === 'importing' || phase.step === 'done' ? phase.report : null;
  const toWrite = report ? report.counts.products.create + report.counts.products.update : 0;

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-file`} className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id={`${id}-file`} className="text-lg font-bold">
          {t('chooseTitle')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('chooseHint')}</p>
        <label htmlFor={`${id}-input`} className="mt-3 block text-sm font-medium">
          {t('file')}
        </label>
        <input
          id={`${id}-input`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.currentTarget.files)}
          aria-describedby={fileError ? `${id}-file-error` : undefined}
          aria-invalid={fileError ? true : undefined}
          disabled={phase.step === 'checking' || phase.step === 'importing'}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-stone-900 file:px-4 file:py-1.5 file:text-sm file:font-semibold file:text-white"
        />
        {fileError && (
          <p id={`${id}-file-error`} role="alert" className="mt-2 text-sm font-medium text-brand-700">
            {fileError}
          </p>
        )}
        {file && (
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <p className="text-sm text-stone-700">{t('fileSummary', { name: file.name, rows: file.rows.length })}</p>
            <Button
              type="button"
              variant="secondary"
              onClick={() => void check()}
              pending={phase.step === 'checking'}
              disabled={phase.step === 'importing'}
            >
              {phase.step === 'checking' ? t('checking') : t('check')}
            </Button>
          </div>
        )}
        {failure && (
          <p role="alert" className="mt-2 text-sm font-medium text-brand-700">
            {failure}
          </p>
        )}
      </section>

      {phase.step === 'checking' && (
        <p role="status" className="text-sm text-stone-700">
          <progress aria-label={t('checkingLabel')} className="mr-2 align-middle" />
          {t('checking')}
        </p>
      )}

      {report && (
        <section aria-labelledby={`${id}-report`} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id={`${id}-report`} className="text-lg font-bold">
            {phase.step === 'checked' ? t('previewTitle') : t('resultTitle')}
          </h2>
          <Summary report={report} dryRun={phase.step === 'checked'} />

          {phase.step === 'checked' && (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" onClick={() => void run()} disabled={toWrite === 0}>
                {t('import', { count: toWrite })}
              </Button>
              {toWrite === 0 && <p className="text-sm text-stone-600">{t('nothingToDo')}</p>}
              {report.errorCount > 0 && toWrite > 0 && <p className="text-sm text-stone-600">{t('skippedNote')}</p>}
            </div>
          )}

          {phase.step === 'importing' && (
            <div>
              <label htmlFor={`${id}-progress`} className="block text-sm font-medium">
                {t('progressLabel')}
              </label>
              <div className="mt-1 flex items-center gap-3">
                <progress
                  id={`${id}-progress`}
                  max={phase.total}
                  value={phase.done}
                  aria-valuetext={t('progressText', {
                    percent: Math.round((phase.done / phase.total) * 100),
                    done: phase.done,
                    total: phase.total,
                  })}
                  className="h-3 w-full max-w-md"
                />
                <span className="text-sm tabular-nums" aria-hidden>
                  {Math.round((phase.done / phase.total) * 100)}%
                </span>
                <Button type="button" variant="secondary" onClick={() => (stop.current = true)}>
                  {t('stop')}
                </Button>
              </div>
              <p className="sr-only" aria-live="polite">
                {t('progressText', {
                  percent: Math.round((phase.done / phase.total) * 100),
                  done: phase.done,
                  total: phase.total,
                })}
              </p>
            </div>
          )}

          {phase.step === 'done' && (
            <p role="status" className="text-sm font-medium text-emerald-800">
              {phase.stopped ? t('stopped') : t('finished')}
            </p>
          )}

          <Issues report={report} tone="error" text={issueText} />
          <Issues report={report} tone="warning" text={issueText} />

          {report.rows.length > 0 && (
            <ReportTable
              heading={<h3 className="font-semibold">{t('rowsTitle')}</h3>}
              shown={report.rows.length}
              total={report.counts.rows}
              minWidth="min-w-[36rem]"
              columns={[
                { key: 'line', header: t('line'), className: 'tabular-nums', cell: (row) => row.line },
                { key: 'slug', header: t('slug'), cell: (row) => row.slug },
                { key: 'sku', header: t('sku'), cell: (row) => row.sku },
                { key: 'product', header: t('product'), cell: (row) => t(`actions.${row.product}`) },
                { key: 'edition', header: t('edition'), cell: (row) => t(`actions.${row.edition}`) },
              ]}
              rows={report.rows.slice(0, SHOWN_ROWS)}
              rowKey={(row) => row.line}
              rowClassName={(row) => (row.product === 'skip' ? 'bg-brand-50/50' : undefined)}
            />
          )}
        </section>
      )}
    </div>
  );
}

function Summary({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const t = useTranslations('admin.catalog.import');
  const { products, editions } = report.counts;
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div className="rounded-lg bg-stone-50 p-3">
        <dt className="font-semibold">{t('productsCount')}</dt>
        <dd className="mt-1 text-stone-700">{t(dryRun ? 'countsWould' : 'countsDid', { ...products })}</dd>
      </div>
      <div className="rounded-lg bg-stone-50 p-3">
        <dt className="font-semibold">{t('editionsCount')}</dt>
        <dd className="mt-1 text-stone-700">{t(dryRun ? 'countsWould' : 'countsDid', { ...editions })}</dd>
      </div>
    </dl>
  );
}

/**
 * The report's first errors or warnings by line (the server sends at most SHOWN_ISSUES of them) and
 * how many there are.
 */
function Issues({
  report,
  tone,
  text,
}: {
  report: ImportReport;
  tone: 'error' | 'warning';
  text: (issue: ImportIssue) => string;
}) {
  const t = useTranslations('admin.catalog.import');
  const [title, issues, total] =
    tone === 'error'
      ? [t('errorsTitle'), report.errors, report.errorCount]
      : [t('warningsTitle'), report.warnings, report.warningCount];
  if (total === 0) return null;
  return (
    <ReportTable
      heading={
        <h3 className={`font-semibold ${tone === 'error' ? 'text-brand-700' : 'text-amber-800'}`}>
          {title} ({total})
        </h3>
      }
      shown={issues.length}
      total={total}
      minWidth="min-w-[30rem]"
      wrapperClassName="mt-2 max-h-96 overflow-auto"
      columns={[
        { key: 'line', header: t('line'), className: 'tabular-nums', cell: ({ issue }) => issue.line },
        {
          key: 'column',
          header: t('column'),
          className: 'font-mono text-xs',
          cell: ({ issue }) => issue.column ?? '—',
        },
        { key: 'problem', header: t('problem'), cell: ({ issue }) => text(issue) },
      ]}
      rows={issues
        .slice(0, SHOWN_ISSUES)
        .map((issue, index) => ({ issue, key: `${issue.line}-${issue.column}-${index}` }))}
      rowKey={(row) => row.key}
    />
  );
}

/** A table of the report under its heading, saying so when it shows only the first rows of many. */
function ReportTable<Row>({
  heading,
  shown,
  total,
  ...table
}: {
  heading: React.ReactNode;
  /** How many rows the server sent, and how many there are. */
  shown: number;
  total: number;
} & Pick<
  React.ComponentProps<typeof DataTable<Row>>,
  'columns' | 'rows' | 'rowKey' | 'rowClassName' | 'minWidth' | 'wrapperClassName'
>) {
  const t = useTranslations('admin.catalog.import');
  return (
    <div>
      {heading}
      {total > shown && <p className="text-sm text-stone-600">{t('rowsShown', { shown, total })}</p>}
      <DataTable variant="compact" {...table} />
    </div>
  );
}
