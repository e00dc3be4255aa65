/** The texts a control points at through aria-describedby (its hint and its error), as a screen reader reads them with it. */
export function describedText(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
