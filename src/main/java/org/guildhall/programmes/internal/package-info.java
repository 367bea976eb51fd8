/** The programmes module's part of the personal-data archive and its clean-up after an erasure. */
@org.jspecify.annotations.NullMarked
package org.guildhall.programmes.internal;
