#!/usr/bin/env bash
# Draws docs/benchmarks.png from the CSV files in bench/results (gnuplot).
set -euo pipefail
cd "$(dirname "$0")/.."
R=bench/results
awk -F, 'NR>1{s[$2]+=$3; n[$2]++} END{for (k in s) printf "%s %.0f\n", k, s[k]/n[k]}' "$R/gateway-overhead.csv" | sort >"$R/throughput.dat"
awk -F, 'NR>1 && $4!=""{print $4}' "$R/time-to-page.csv" | sort -n | awk '{a[NR]=$1} END{for(i=1;i<=NR;i++) print a[i], i/NR}' >"$R/time-to-page-cdf.dat"
gnuplot <<GP
set terminal pngcairo size 1100,450 font ",10"
set output "docs/benchmarks.png"
set multiplot layout 1,2
set title "Content GET, wrk -t2 -c32 (mean of rounds)"
set style fill solid 0.6
set boxwidth 0.6
set ylabel "requests/s"
set yrange [0:*]
plot "$R/throughput.dat" using 0:2:xtic(1) with boxes notitle
set title "Time from 202 to NOTIFIED"
set xlabel "ms"
set ylabel "fraction of requests"
set yrange [0:1]
set grid
plot "$R/time-to-page-cdf.dat" using 1:2 with lines lw 2 notitle
unset multiplot
GP
echo "wrote docs/benchmarks.png"
