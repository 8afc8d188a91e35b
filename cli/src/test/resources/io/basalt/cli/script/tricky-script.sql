-- leading comment
   select 1;   select 2; -- trailing comment
select 'a;b', "x;y" from (select 1 as "x;y") s;
select E'it\'s;', 'it''s;';
select $$ dollar ; $$, $tag$ has $$ and ; $tag$;
select /* block ; /* nested ; */ still */ 3;
/* leading block */ select 4;
select (1
  ;
  + 2);
select 5 -- comment ; inside
;
select a$b$c from (select 1 as a$b$c) s;
select 6 \x
select 7;
\x
select $1abc$ from x$;
select 8
