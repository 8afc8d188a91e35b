package io.basalt.type.datetime;

/** The order in which ambiguous numeric dates are read ({@code 01/02/03}): the second half of DateStyle. */
public enum DateOrder {
    MDY,
    DMY,
    YMD
}
