/**
 * Cross-cutting infrastructure: the run mode, the database, security (JWT keys, the resource server), REST error
 * handling (problem+json), OpenAPI and operations. Its top-level package is the API other modules may use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.gamebackend.platform;
