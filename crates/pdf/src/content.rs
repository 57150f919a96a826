//! The text operators of a page's content streams, interpreted: every
//! glyph shown, with where it lands on the page and how large it is.
//!
//! Only what places text is followed: the current transformation (`cm`,
//! `q`/`Q`), the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`), text
//! positioning (`BT`, `Td`, `TD`, `Tm`, `T*`), text showing (`Tj`, `TJ`,
//! `'`, `"`) and form XObjects (`Do`), as PDF 32000-1 §9.4 defines them.
//! A glyph's advance moves the text matrix by its own font's width, so a
//! wrong width cannot push the glyphs after it out of place the way a
//! reader that misreads a `W` array does.

use std::collections::{HashMap, HashSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use tongwen::positioned::Run;

use crate::fonts::{dict, Font};

/// An affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `other`: a point goes through `self` first.
    fn then(self, other: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2])
    }

    /// How much the matrix scales areas, as a length factor.
    fn scale(self) -> f32 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }

    fn of(operands: &[Object]) -> Option<Matrix> {
        let v: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
        let m: [f32; 6] = v.try_into().ok()?;
        m.iter().all(|x| x.is_finite()).then_some(Matrix(m))
    }
}

/// What `q` saves and `Q` restores.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<usize>,
    font_size: f32,
}

/// Form XObjects nested deeper than this are not followed.
const MAX_DEPTH: usize = 12;

/// Reads one page's glyphs as one-character runs in the page's frame:
/// points from the top left of its media box.
pub struct PageReader<'a> {
    doc: &'a Document,
    fonts: Vec<Font<'a>>,
    /// Fonts already read, by the address of their dictionary.
    font_index: HashMap<usize, usize>,
    runs: Vec<Run>,
    left: f32,
    top: f32,
    forms_open: HashSet<ObjectId>,
}

impl<'a> PageReader<'a> {
    pub fn new(doc: &'a Document, left: f32, top: f32) -> Self {
        PageReader { doc, fonts: Vec::new(), font_index: HashMap::new(), runs: Vec::new(), left, top, forms_open: HashSet::new() }
    }

    pub fn into_runs(self) -> Vec<Run> {
        self.runs
    }

    /// Interprets `content` with `resources` (each searched in turn).
    pub fn read(&mut self, content: &[u8], resources: &[&'a Dictionary], ctm: Matrix, depth: usize) {
        let Ok(content) = Content::decode(content) else { return };
        let mut state = State { ctm, char_spacing: 0.0, word_spacing: 0.0, horizontal_scale: 1.0, leading: 0.0, rise: 0.0, font: None, font_size: 0.0 };
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (Matrix::IDENTITY, Matrix::IDENTITY);
        for op in &content.operations {
            let args = &op.operands;
            let num = |k: usize| args.get(k).and_then(|o| o.as_float().ok()).filter(|v| v.is_finite());
            match op.operator.as_str() {
                "q" => saved.push(state.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::of(args) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => (tm, tlm) = (Matrix::IDENTITY, Matrix::IDENTITY),
                "Tf" => {
                    let name = args.first().and_then(|o| o.as_name().ok());
                    state.font = name.and_then(|n| self.font(resources, n));
                    state.font_size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.horizontal_scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::of(args) {
                        (tm, tlm) = (m, m);
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0).unwrap_or(state.word_spacing);
                            state.char_spacing = num(1).unwrap_or(state.char_spacing);
                        }
                        tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                        tm = tlm;
                    }
                    if let Some(bytes) = args.last().and_then(|o| o.as_str().ok()) {
                        self.show(&state, &mut tm, bytes);
                    }
                }
                "TJ" => {
                    for item in args.first().and_then(|o| o.as_array().ok()).into_iter().flatten() {
                        if let Ok(bytes) = item.as_str() {
                            self.show(&state, &mut tm, bytes);
                        } else if let Ok(adjust) = item.as_float() {
                            if adjust.is_finite() {
                                let tx = -adjust / 1000.0 * state.font_size * state.horizontal_scale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                        }
                    }
                }
                "Do" if depth < MAX_DEPTH => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, state.ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, state: &State, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.and_then(|k| self.fonts.get(k)) else { return };
        let fs = state.font_size;
        let th = state.horizontal_scale;
        for glyph in font.glyphs(bytes) {
            // The glyph's origin is the text space point (0, rise).
            let placed = tm.then(state.ctm);
            let [a, b, c, d, e, f] = placed.0;
            let (x, y) = (state.rise * c + e, state.rise * d + f);
            let size = fs.abs() * placed.scale();
            let advance = glyph.width / 1000.0 * fs;
            let width = (advance * th * (a * a + b * b).sqrt()).abs();
            if x.is_finite() && y.is_finite() && size.is_finite() {
                self.runs.push(Run { text: glyph.text, x: x - self.left, y: self.top - y, width, size });
            }
            let spacing = state.char_spacing + if glyph.is_space { state.word_spacing } else { 0.0 };
            // Vertical writing moves down the page by the advance (a
            // CIDFont's default vertical metrics, one em).
            let step = if font.vertical { Matrix::translate(0.0, spacing - advance) } else { Matrix::translate((advance + spacing) * th, 0.0) };
            *tm = step.then(*tm);
        }
    }

    /// The font named `name` in `resources`, read once.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        let dict = resources.iter().find_map(|r| dict(doc, dict(doc, r, b"Font")?, name))?;
        let key = dict as *const Dictionary as usize;
        if let Some(&k) = self.font_index.get(&key) {
            return Some(k);
        }
        self.fonts.push(Font::read(doc, dict));
        self.font_index.insert(key, self.fonts.len() - 1);
        Some(self.fonts.len() - 1)
    }

    /// Reads a form XObject's content in place (an image is passed over).
    fn form(&mut self, resources: &[&'a Dictionary], name: &[u8], ctm: Matrix, depth: usize) {
        let doc = self.doc;
        let found = resources.iter().find_map(|r| {
            let xobjects = dict(doc, r, b"XObject")?;
            let object = xobjects.get(name).ok()?;
            let (id, object) = doc.dereference(object).ok()?;
            Some((id, object.as_stream().ok()?))
        });
        let Some((id, stream)) = found else { return };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        // A form that draws itself is drawn once.
        if let Some(id) = id {
            if !self.forms_open.insert(id) {
                return;
            }
        }
        let matrix = stream.dict.get(b"Matrix").ok().and_then(|o| o.as_array().ok()).and_then(|m| Matrix::of(m)).unwrap_or(Matrix::IDENTITY);
        let own = dict(doc, &stream.dict, b"Resources");
        let scope: Vec<&'a Dictionary> = own.into_iter().chain(resources.iter().copied()).collect();
        let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        self.read(&content, &scope, matrix.then(ctm), depth + 1);
        if let Some(id) = id {
            self.forms_open.remove(&id);
        }
    }
}

