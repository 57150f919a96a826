//! Work spread over every core where the engine has many independent
//! pieces (pages to reflow, article pairs to align), and done one piece at
//! a time where it has one thread.
//!
//! The CLI and `build-site` build the engine with the `parallel` feature
//! (rayon); the wasm worker builds it without, since a Web Worker has one
//! thread and rayon's pool cannot start there. Either way the results come
//! in input order, so an analysis is the same on one core or many.

/// `f` applied to every item, in order.
#[cfg(feature = "parallel")]
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.into_par_iter().map(f).collect()
}

/// `f` applied to every item, in order.
#[cfg(not(feature = "parallel"))]
pub fn map<T, R>(items: Vec<T>, f: impl Fn(T) -> R) -> Vec<R> {
    items.into_iter().map(f).collect()
}

/// `0..len` cut into [`pieces`] ranges of about the same length, in order
/// (fewer when `len` is smaller).
pub fn ranges(len: usize) -> Vec<std::ops::Range<usize>> {
    let per = len.div_ceil(pieces()).max(1);
    (0..len).step_by(per).map(|start| start..(start + per).min(len)).collect()
}

/// How many pieces to cut work into so that every core stays busy (a few
/// per core, as pieces differ in cost); 1 without the `parallel` feature.
pub fn pieces() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads() * 4;
    #[cfg(not(feature = "parallel"))]
    1
}

/// Sorts on every core.
pub fn sort_unstable<T: Ord + Send>(v: &mut [T]) {
    #[cfg(feature = "parallel")]
    rayon::slice::ParallelSliceMut::par_sort_unstable(v);
    #[cfg(not(feature = "parallel"))]
    v.sort_unstable();
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_input_order() {
        let squares = super::map((0..1000u64).collect(), |x| x * x);
        assert_eq!(squares, (0..1000u64).map(|x| x * x).collect::<Vec<_>>());
        let mut v: Vec<u64> = (0..1000).rev().collect();
        super::sort_unstable(&mut v);
        assert!(v.windows(2).all(|w| w[0] < w[1]));
        assert!(super::pieces() >= 1);
    }

    #[test]
    fn ranges_cover_every_index_once_in_order() {
        for len in [0, 1, 7, 1000, 1001] {
            let ranges = super::ranges(len);
            assert!(ranges.len() <= super::pieces().max(1), "{len}: {ranges:?}");
            assert_eq!(ranges.iter().flat_map(|r| r.clone()).collect::<Vec<_>>(), (0..len).collect::<Vec<_>>(), "{len}");
            assert!(ranges.iter().all(|r| !r.is_empty()), "{len}: {ranges:?}");
        }
    }
}
