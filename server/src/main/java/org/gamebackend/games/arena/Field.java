package org.gamebackend.games.arena;

/**
 * The arena's geometry: a {@value #WIDTH} × {@value #HEIGHT} field, x to the right and y downwards, with a few
 * axis-aligned walls laid out with 180° symmetry so no spawn side is favoured. Players are circles of radius
 * {@value #RADIUS}. Units are small enough that clients get positions as whole numbers: an integer costs a quarter of
 * what a decimal does to write into every patch of every match.
 */
final class Field {

    static final double WIDTH = 4800;
    static final double HEIGHT = 3200;
    static final double RADIUS = 50;

    /**
     * Walls as {x0, y0, x1, y1}. Each is at least 200 thick, more than a shot travels in one tick, so checking a
     * shot's end point is enough to stop it at a wall.
     */
    static final double[] WALLS = {
        2200, 1400, 2600, 1800, // centre block
        800, 800, 1600, 1000,
        3200, 2200, 4000, 2400,
        3000, 400, 3200, 1200,
        1600, 2000, 1800, 2800,
    };

    /** Where a player spawns when random tries find no free spot; all clear of walls. */
    static final double[][] CORNERS = {{200, 200}, {WIDTH - 200, HEIGHT - 200}, {WIDTH - 200, 200}, {200, HEIGHT - 200}
    };

    private Field() {}

    /** Whether a circle at (x, y) of radius r overlaps a wall or sticks out of the field. */
    static boolean blocked(double x, double y, double r) {
        if (x < r || y < r || x > WIDTH - r || y > HEIGHT - r) {
            return true;
        }
        for (int w = 0; w < WALLS.length; w += 4) {
            double dx = x - clamp(x, WALLS[w], WALLS[w + 2]);
            double dy = y - clamp(y, WALLS[w + 1], WALLS[w + 3]);
            if (dx * dx + dy * dy < r * r) {
                return true;
            }
        }
        return false;
    }

    /** Whether a point (a shot) is inside a wall or outside the field. */
    static boolean solid(double x, double y) {
        if (x < 0 || y < 0 || x > WIDTH || y > HEIGHT) {
            return true;
        }
        for (int w = 0; w < WALLS.length; w += 4) {
            if (x >= WALLS[w] && x <= WALLS[w + 2] && y >= WALLS[w + 1] && y <= WALLS[w + 3]) {
                return true;
            }
        }
        return false;
    }

    /** Moves a player the shortest way out of every wall it overlaps and back inside the field. */
    static void pushOut(ArenaState.Player p) {
        for (int w = 0; w < WALLS.length; w += 4) {
            double cx = clamp(p.x, WALLS[w], WALLS[w + 2]);
            double cy = clamp(p.y, WALLS[w + 1], WALLS[w + 3]);
            double dx = p.x - cx;
            double dy = p.y - cy;
            double d2 = dx * dx + dy * dy;
            if (d2 >= RADIUS * RADIUS) {
                continue;
            }
            if (d2 > 0) {
                double d = Math.sqrt(d2);
                p.x = cx + dx / d * RADIUS;
                p.y = cy + dy / d * RADIUS;
            } else {
                leaveBox(p, w); // the centre got inside (pushed there by another player): out by the nearest side
            }
        }
        p.x = clamp(p.x, RADIUS, WIDTH - RADIUS);
        p.y = clamp(p.y, RADIUS, HEIGHT - RADIUS);
    }

    private static void leaveBox(ArenaState.Player p, int w) {
        double left = p.x - WALLS[w];
        double right = WALLS[w + 2] - p.x;
        double up = p.y - WALLS[w + 1];
        double down = WALLS[w + 3] - p.y;
        double min = Math.min(Math.min(left, right), Math.min(up, down));
        if (min == left) {
            p.x = WALLS[w] - RADIUS;
        } else if (min == right) {
            p.x = WALLS[w + 2] + RADIUS;
        } else if (min == up) {
            p.y = WALLS[w + 1] - RADIUS;
        } else {
            p.y = WALLS[w + 3] + RADIUS;
        }
    }

    static double clamp(double v, double min, double max) {
        return v < min ? min : v > max ? max : v;
    }
}
