import { type Dice, type Palette } from './cover-art-palette';

// The pictures behind the titles of the generated covers (cover-art.ts): one look per kind.

// Shapes

const r1 = (n: number) => Math.round(n * 10) / 10;

function points(list: [number, number][]): string {
  return list.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ');
}

export function linearGradient(id: string, from: string, to: string, angle: number): string {
  const rad = (angle * Math.PI) / 180;
  const x = r1(50 + Math.cos(rad) * 50);
  const y = r1(50 + Math.sin(rad) * 50);
  return (
    `<linearGradient id="${id}" x1="${r1(100 - x)}%" y1="${r1(100 - y)}%" x2="${x}%" y2="${y}%">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`
  );
}

export type Scene = { defs: string[]; body: string[] };

export function albumArt(scene: Scene, p: Palette, dice: Dice, id: string): void {
  const style = dice.int(0, 4);
  if (style === 0) {
    // A record sliding out of its sleeve: grooves, label and spindle hole.
    const cx = dice.range(330, 420);
    const cy = dice.range(230, 280);
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="215" fill="#0d0d10"/>`);
    for (let r = 205; r > 80; r -= dice.int(5, 11)) {
      scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r}" fill="none" stroke="#2a2a30" stroke-width="1"/>`);
    }
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="72" fill="${p.accent}"/>`);
    scene.body.push(
      `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="40" fill="none" stroke="${p.light}" stroke-opacity="0.5"/>`,
    );
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="6" fill="${p.dark}"/>`);
    scene.body.push(`<rect x="0" y="0" width="${r1(cx - 150)}" height="600" fill="url(#${id}-bg)"/>`);
    scene.body.push(`<rect x="${r1(cx - 152)}" y="0" width="4" height="600" fill="${p.dark}" fill-opacity="0.35"/>`);
  } else if (style === 1) {
    // Bauhaus grid: quarter circles, half circles and squares.
    const cell = 200;
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        const x = col * cell;
        const y = row * cell;
        const fill = dice.pick([p.accent, p.accent2, p.dark, p.light, p.bg2]);
        const shape = dice.int(0, 4);
        if (shape === 0)
          scene.body.push(`<circle cx="${x + 100}" cy="${y + 100}" r="${dice.int(60, 96)}" fill="${fill}"/>`);
        else if (shape === 1)
          scene.body.push(
            `<path d="M${x} ${y + 200} A200 200 0 0 1 ${x + 200} ${y} L${x + 200} ${y + 200} Z" fill="${fill}"/>`,
          );
        else if (shape === 2)
          scene.body.push(`<path d="M${x} ${y + 100} A100 100 0 0 1 ${x + 200} ${y + 100} Z" fill="${fill}"/>`);
        else if (shape === 3)
          scene.body.push(`<rect x="${x + 30}" y="${y + 30}" width="140" height="140" fill="${fill}"/>`);
      }
    }
  } else if (style === 2) {
    // Sunset over a grid: the classic synth-pop sleeve.
    scene.defs.push(linearGradient(`${id}-sun`, p.accent2, p.accent, 90));
    const cy = dice.range(220, 280);
    scene.body.push(`<circle cx="300" cy="${r1(cy)}" r="${dice.int(140, 180)}" fill="url(#${id}-sun)"/>`);
    for (let i = 0; i < 7; i++) {
      const y = cy + 10 + i * 18;
      scene.body.push(`<rect x="0" y="${r1(y)}" width="600" height="${r1(3 + i * 1.6)}" fill="url(#${id}-bg)"/>`);
    }
    scene.body.push(`<rect x="0" y="${r1(cy + 130)}" width="600" height="${r1(470 - cy)}" fill="${p.dark}"/>`);
    for (let i = -6; i <= 6; i++) {
      scene.body.push(
        `<line x1="300" y1="${r1(cy + 130)}" x2="${300 + i * 90}" y2="600" stroke="${p.accent}" stroke-opacity="0.6"/>`,
      );
    }
    for (let i = 1; i < 7; i++) {
      const y = cy + 130 + Math.pow(i / 6, 2) * (470 - cy);
      scene.body.push(`<line x1="0" y1="${r1(y)}" x2="600" y2="${r1(y)}" stroke="${p.accent}" stroke-opacity="0.5"/>`);
    }
  } else if (style === 3) {
    // Layered waves.
    for (let layer = 0; layer < 6; layer++) {
      const base = 150 + layer * 70;
      const amp = dice.range(20, 60);
      const phase = dice.range(0, Math.PI * 2);
      let d = `M0 ${r1(base)}`;
      for (let x = 0; x <= 600; x += 30) d += ` L${x} ${r1(base + Math.sin(x / 90 + phase) * amp)}`;
      d += ' L600 600 L0 600 Z';
      const fill = layer % 2 === 0 ? p.accent : p.accent2;
      scene.body.push(`<path d="${d}" fill="${fill}" fill-opacity="${r1(0.25 + layer * 0.1)}"/>`);
    }
  } else {
    // Op-art rings, off centre.
    const cx = dice.range(180, 420);
    const cy = dice.range(160, 340);
    for (let r = 420; r > 10; r -= 28) {
      const fill = (r / 28) % 2 < 1 ? p.accent : p.bg1;
      scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r}" fill="${fill}" fill-opacity="0.85"/>`);
    }
  }
}

function ridge(baseY: number, width: number, height: number, dice: Dice, roughness: number): string {
  const list: [number, number][] = [[0, height]];
  const steps = dice.int(4, 7);
  for (let i = 0; i <= steps; i++) {
    list.push([(i / steps) * width, baseY + dice.range(-roughness, roughness)]);
  }
  list.push([width, height]);
  return points(list);
}

export function posterArt(scene: Scene, p: Palette, dice: Dice, id: string, kind: 'film' | 'series'): void {
  const style = dice.int(0, 2);
  if (style === 0) {
    // Landscape: a moon or sun above layered ridges.
    scene.body.push(
      `<circle cx="${r1(dice.range(90, 310))}" cy="${r1(dice.range(130, 220))}" r="${dice.int(45, 80)}" fill="${p.accent2}" fill-opacity="0.9"/>`,
    );
    const shades = [p.bg2, p.accent, p.dark];
    shades.forEach((fill, i) => {
      const opacity = i === 1 ? 0.55 : 1;
      scene.body.push(
        `<polygon points="${ridge(300 + i * 60, 400, 600, dice, 45 - i * 10)}" fill="${fill}" fill-opacity="${opacity}"/>`,
      );
    });
  } else if (style === 1) {
    // A lone figure under a spotlight.
    scene.defs.push(
      `<radialGradient id="${id}-glow" cx="50%" cy="38%" r="55%"><stop offset="0" stop-color="${p.accent2}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.accent2}" stop-opacity="0"/></radialGradient>`,
    );
    scene.body.push('<rect width="400" height="600" fill="url(#' + id + '-glow)"/>');
    scene.body.push(
      `<circle cx="200" cy="230" r="${dice.int(110, 150)}" fill="none" stroke="${p.light}" stroke-opacity="0.35" stroke-width="2"/>`,
    );
    const x = dice.range(170, 230);
    scene.body.push(`<rect x="0" y="380" width="400" height="220" fill="${p.dark}"/>`);
    scene.body.push(`<circle cx="${r1(x)}" cy="330" r="9" fill="${p.dark}"/>`);
    scene.body.push(
      `<path d="M${r1(x - 11)} 382 L${r1(x - 8)} 343 L${r1(x + 8)} 343 L${r1(x + 11)} 382 Z" fill="${p.dark}"/>`,
    );
    scene.body.push(`<ellipse cx="${r1(x + 40)}" cy="384" rx="60" ry="4" fill="${p.dark}" fill-opacity="0.6"/>`);
  } else {
    // Shards: diagonal planes cutting across the frame.
    for (let i = 0; i < 5; i++) {
      const y = dice.range(40, 420);
      const tilt = dice.range(-160, 160);
      const thick = dice.range(30, 110);
      const fill = dice.pick([p.accent, p.accent2, p.bg2]);
      scene.body.push(
        `<polygon points="${points([
          [0, y],
          [400, y + tilt],
          [400, y + tilt + thick],
          [0, y + thick],
        ])}" fill="${fill}" fill-opacity="${r1(dice.range(0.3, 0.8))}"/>`,
      );
    }
  }
  if (kind === 'series') {
    // Episode strip: a row of frames, the visual shorthand for a box set.
    const top = dice.range(96, 124);
    for (let i = 0; i < 4; i++) {
      scene.body.push(
        `<rect x="${28 + i * 88}" y="${r1(top)}" width="80" height="50" rx="3" fill="${p.light}" fill-opacity="${r1(0.12 + i * 0.06)}" stroke="${p.light}" stroke-opacity="0.4"/>`,
      );
    }
  }
  // Fade to dark behind the title block.
  scene.defs.push(
    `<linearGradient id="${id}-fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="${p.dark}" stop-opacity="0"/><stop offset="1" stop-color="${p.dark}" stop-opacity="0.95"/></linearGradient>`,
  );
  scene.body.push(`<rect width="400" height="600" fill="url(#${id}-fade)"/>`);
}

export function gameArt(scene: Scene, p: Palette, dice: Dice, id: string): void {
  const fx = dice.range(220, 380);
  const fy = dice.range(200, 300);
  const rays = dice.int(10, 18);
  for (let i = 0; i < rays; i++) {
    if (i % 2) continue;
    const a1 = (i / rays) * Math.PI * 2;
    const a2 = ((i + 1) / rays) * Math.PI * 2;
    scene.body.push(
      `<polygon points="${points([
        [fx, fy],
        [fx + Math.cos(a1) * 900, fy + Math.sin(a1) * 900],
        [fx + Math.cos(a2) * 900, fy + Math.sin(a2) * 900],
      ])}" fill="${p.accent}" fill-opacity="0.18"/>`,
    );
  }
  const sides = dice.pick([4, 6, 8]);
  const radius = dice.range(95, 130);
  const emblem: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const a = (i / sides) * Math.PI * 2 - Math.PI / 2;
    emblem.push([fx + Math.cos(a) * radius, fy + Math.sin(a) * radius]);
  }
  scene.defs.push(linearGradient(`${id}-emblem`, p.accent2, p.accent, 120));
  scene.body.push(
    `<polygon points="${points(emblem)}" fill="url(#${id}-emblem)" stroke="${p.light}" stroke-width="4"/>`,
  );
  const star: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const a = (i / 10) * Math.PI * 2 - Math.PI / 2;
    const r = i % 2 === 0 ? radius * 0.55 : radius * 0.22;
    star.push([fx + Math.cos(a) * r, fy + Math.sin(a) * r]);
  }
  scene.body.push(`<polygon points="${points(star)}" fill="${p.light}" fill-opacity="0.9"/>`);
  // Box-art header band.
  scene.body.push(`<rect width="600" height="56" fill="${p.dark}"/>`);
  scene.body.push(`<rect y="56" width="600" height="4" fill="${p.accent}"/>`);
}
