/**
 * Small value types and web plumbing that every module may use: the signed-in user, pages of
 * results, domain exceptions and the translation of errors into problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.guildhall.shared;
