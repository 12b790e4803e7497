package org.tessera.model;

/** The unit to which a date is known; ordered from finest to coarsest. */
public enum DatePrecision { DAY, MONTH, YEAR }
