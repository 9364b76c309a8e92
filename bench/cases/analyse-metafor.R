# Benchmark baseline: metafor on the same records as bench/cases/analyse.ts, timing the fits (escalc + rma, rma.mh, rma.peto, predict, confint) inside R.
# Usage: Rscript bench/cases/analyse-metafor.R DIR   (writes {"innerMs": …} to $BENCH_REPORT)
suppressMessages(library(metafor))
dir <- commandArgs(TRUE)[1]
analyses <- read.csv(file.path(dir, "analyses.csv"), stringsAsFactors = FALSE, na.strings = "")
outcomes <- read.csv(file.path(dir, "outcomes.csv"), stringsAsFactors = FALSE)
studies <- read.csv(file.path(dir, "studies.csv"), stringsAsFactors = FALSE)
started <- proc.time()[["elapsed"]]
for (i in seq_len(nrow(analyses))) {
  a <- analyses[i, ]
  rows <- outcomes[outcomes$outcome == a$outcome, ]
  e <- rows[rows$arm == a$experimental, ]
  c <- rows[rows$arm == a$control, ]
  c <- c[match(e$study_id, c$study_id), ]
  if (a$measure %in% c("RR", "OR", "RD")) {
    if (a$method == "MH") { fit <- rma.mh(ai = e$count, n1i = e$denominator, ci = c$count, n2i = c$denominator, measure = a$measure); next }
    if (a$method == "Peto") { fit <- rma.peto(ai = e$count, n1i = e$denominator, ci = c$count, n2i = c$denominator, add = 0); next }
    es <- escalc(a$measure, ai = e$count, n1i = e$denominator, ci = c$count, n2i = c$denominator)
  } else {
    es <- escalc(a$measure, m1i = e$value, sd1i = e$sd, n1i = e$n, m2i = c$value, sd2i = c$sd, n2i = c$n)
  }
  method <- if (a$model == "common") "FE" else a$method
  test <- if (!is.na(a$ci) && a$ci == "hksj") "knha" else "z"
  fit <- rma(es$yi, es$vi, method = method, test = test)
  if (method != "FE") { predict(fit); confint(fit) }
  if (!is.na(a$subgroup)) {
    groups <- studies[[a$subgroup]][match(e$study_id, studies$id)]
    for (g in unique(groups)) rma(es$yi[groups == g], es$vi[groups == g], method = method, test = test)
  }
}
inner <- (proc.time()[["elapsed"]] - started) * 1000
report <- Sys.getenv("BENCH_REPORT")
if (nzchar(report)) writeLines(sprintf('{"innerMs": %.3f}', inner), report)
