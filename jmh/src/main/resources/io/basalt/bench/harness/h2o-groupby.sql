-- The ten group-by questions of the H2O.ai db-benchmark (groupby-*.py in duckdblabs/db-benchmark,
-- benchmark/h2oai in duckdb), in the PostgreSQL-dialect form recorded in
-- ../shared/conformance/h2o/QUESTIONS.md: table x; q6 uses percentile_cont ... WITHIN GROUP,
-- q8 the standard row_number() formulation, q9 power(corr(...), 2).

-- q1: sum v1 by id1
SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1;

-- q2: sum v1 by id1:id2
SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2;

-- q3: sum v1 mean v3 by id3
SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3;

-- q4: mean v1:v3 by id4
SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4;

-- q5: sum v1:v3 by id6
SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6;

-- q6: median v3 sd v3 by id4 id5
SELECT id4, id5, percentile_cont(0.5) WITHIN GROUP (ORDER BY v3) AS median_v3, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5;

-- q7: max v1 - min v2 by id3
SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3;

-- q8: largest two v3 by id6
SELECT id6, v3 AS largest2_v3 FROM (SELECT id6, v3, row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC) AS order_v3 FROM x WHERE v3 IS NOT NULL) sub_query WHERE order_v3 <= 2;

-- q9: regression v1 v2 by id2 id4
SELECT id2, id4, power(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4;

-- q10: sum v3 count by id1:id6
SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count FROM x GROUP BY id1, id2, id3, id4, id5, id6;
