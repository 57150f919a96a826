//! Numbers as the page shows them: meters, percentages, timings.

/// `x` with `places` decimals (rounded half up, non-negative numbers), by
/// integer arithmetic: core's float formatting costs the page's wasm 11 KB,
/// and meters, percentages and timings need no more than this.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let n = (x.max(0.0) * scale as f64).round() as u64;
    match places {
        0 => n.to_string(),
        _ => format!("{}.{:0width$}", n / scale, n % scale, width = places as usize),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixed_rounds_to_its_decimals_as_core_would() {
        for (x, places, shown) in [(0.0, 3, "0.000"), (1.0, 3, "1.000"), (0.3478260869, 3, "0.348"), (0.0005, 3, "0.001"), (12.34, 1, "12.3"), (9.96, 1, "10.0"), (34.5, 0, "35"), (99.4, 0, "99"), (-0.2, 1, "0.0")] {
            assert_eq!(super::fixed(x, places), shown, "{x} to {places}");
        }
    }
}
