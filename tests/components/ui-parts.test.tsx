import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '@/components/ui/confirm';
import { type Column, DataTable, readSort } from '@/components/ui/data-table';
import { Pagination } from '@/components/ui/pagination';

type Row = { id: number; title: string; stock: number };
const rows: Row[] = [
  { id: 1, title: 'Blue Train', stock: 4 },
  { id: 2, title: 'Kind of Blue', stock: 0 },
];
const columns: Column<Row>[] = [
  { key: 'title', header: 'Title', rowHeader: true, sortable: true, cell: (row) => row.title },
  { key: 'stock', header: 'Stock', align: 'right', sortable: true, cell: (row) => row.stock },
];
const sortLabels = { ascending: 'sort ascending', descending: 'sort descending' };
const hrefFor = (key: string, dir: string) => `/admin/stock?sort=${key}&dir=${dir}`;

describe('DataTable', () => {
  it('draws a header row and one row a record, the row header naming each', () => {
    render(<DataTable columns={columns} rows={rows} rowKey={(row) => row.id} caption="Editions" />);
    const table = screen.getByRole('table', { name: 'Editions' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['TitleStock', 'Blue Train4', 'Kind of Blue0']);
    expect(within(table).getByRole('rowheader', { name: 'Kind of Blue' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: '4' }).className).toContain('text-right');
  });

  it('shows the empty text instead of an empty table', () => {
    render(<DataTable columns={columns} rows={[]} rowKey={(row) => row.id} empty="Nothing in stock." />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Nothing in stock.')).toBeTruthy();
  });

  it('links sortable headers to the list sorted by them and marks the current sort', () => {
    render(
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        sort={{ key: 'stock', dir: 'asc', hrefFor, labels: sortLabels }}
      />,
    );
    const stock = screen.getByRole('columnheader', { name: /Stock/ });
    expect(stock.getAttribute('aria-sort')).toBe('ascending');
    // The current column turns the other way; another column starts ascending.
    expect(
      within(stock)
        .getByRole('link', { name: /Stock.*sort descending/ })
        .getAttribute('href'),
    ).toBe('/admin/stock?sort=stock&dir=desc');
    const title = screen.getByRole('columnheader', { name: /Title/ });
    expect(title.getAttribute('aria-sort')).toBeNull();
    expect(
      within(title)
        .getByRole('link', { name: /Title.*sort ascending/ })
        .getAttribute('href'),
    ).toBe('/admin/stock?sort=title&dir=asc');
  });

  it('reads only the sorts a list knows from the URL', () => {
    const fallback = { key: 'stock', dir: 'asc' } as const;
    expect(readSort({ sort: 'title', dir: 'desc' }, ['title', 'stock'], fallback)).toEqual({
      key: 'title',
      dir: 'desc',
    });
    expect(readSort({ sort: 'title', dir: 'sideways' }, ['title', 'stock'], fallback)).toEqual({
      key: 'title',
      dir: 'asc',
    });
    expect(readSort({ sort: 'password' }, ['title', 'stock'], fallback)).toEqual(fallback);
    expect(readSort({}, ['title', 'stock'], fallback)).toEqual(fallback);
  });
});

describe('Pagination', () => {
  const href = (page: number) => `/music?page=${page}`;
  const numbered = {
    nav: 'Pages',
    previous: 'Previous',
    next: 'Next',
    page: 'Page',
    goToPage: (p: number) => `Go to page ${p}`,
  };

  it('links previous, next, the first and last pages and the neighbours of the current one', () => {
    render(<Pagination page={5} pageCount={9} hrefFor={href} labels={numbered} />);
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(nav).getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/music?page=4');
    expect(within(nav).getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('/music?page=6');
    const pages = within(nav)
      .getAllByRole('link', { name: /^Go to page/ })
      .map((link) => link.getAttribute('href'));
    expect(pages).toEqual(['/music?page=1', '/music?page=4', '/music?page=6', '/music?page=9']);
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Page 5');
  });

  it('says "page x of y" instead of numbers when given that text, and leaves out what does not exist', () => {
    render(
      <Pagination
        page={1}
        pageCount={3}
        hrefFor={href}
        labels={{ nav: 'Pages', previous: 'Previous', next: 'Next', pageOf: 'Page 1 of 3' }}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(nav).queryByRole('link', { name: 'Previous' })).toBeNull();
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Next']);
    expect(within(nav).getByText('Page 1 of 3').getAttribute('aria-current')).toBe('page');
  });

  it('draws nothing for a single page', () => {
    const { container } = render(<Pagination page={1} pageCount={1} hrefFor={href} labels={numbered} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('ConfirmButton', () => {
  function Confirm({ onConfirm }: { onConfirm: () => void }) {
    const [done, setDone] = useState(false);
    return done ? (
      <p>Deleted.</p>
    ) : (
      <ConfirmButton
        trigger="Delete…"
        question="Delete this address?"
        confirm="Yes, delete it"
        cancel="Keep it"
        onConfirm={() => {
          onConfirm();
          setDone(true);
        }}
      />
    );
  }

  it('asks first, with focus on the answer, and acts only on yes', () => {
    const onConfirm = vi.fn();
    render(<Confirm onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const panel = screen.getByRole('group', { name: 'Delete this address?' });
    const yes = within(panel).getByRole('button', { name: 'Yes, delete it' });
    expect(document.activeElement).toBe(yes);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(yes);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Deleted.')).toBeTruthy();
  });

  it('goes back to the button on Escape or cancel, focus with it, without acting', () => {
    const onConfirm = vi.fn();
    render(<Confirm onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Yes, delete it' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete…' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('submits the form around it when it has no action of its own', () => {
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <ConfirmButton trigger="Cancel order…" question="Cancel it?" confirm="Yes, cancel it" cancel="Keep it" />
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order…' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("is a disclosure in the server's HTML (without JavaScript) whose confirm button submits, with no dead cancel button", () => {
    const html = renderToStaticMarkup(
      <form>
        <ConfirmButton trigger="Cancel order…" question="Cancel it?" confirm="Yes, cancel it" cancel="Keep it" />
      </form>,
    );
    document.body.innerHTML = html;
    const details = document.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('Cancel order…');
    const buttons = [...details.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.type])).toEqual([['Yes, cancel it', 'submit']]);
    // A step done by a script of its own stays a button (it needs JavaScript either way).
    const scripted = renderToStaticMarkup(
      <ConfirmButton trigger="Delete…" question="Delete?" confirm="Yes" cancel="No" onConfirm={() => {}} />,
    );
    expect(scripted).not.toContain('<details');
    expect(scripted).toContain('Delete…</button>');
  });
});
