package seckill.service;

import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;

/** The lab's class room, one at a time: every sale started while it is open is the class's too. Thread-safe. */
final class ClassRooms {
    private ClassRoom open;

    /** Opens a class room there, closing the one open before. */
    synchronized ClassRoom open(StudentsAddress bind) {
        close();
        open = ClassRoom.open(bind);
        return open;
    }

    synchronized ClassRoom current() {
        return open;
    }

    /** The sale as asked, made the class's (it waits for the students) when a class room is open. */
    synchronized SimulationConfig forSale(SimulationConfig asked) {
        return open != null && open.isOpen() && !asked.students() ? asked.toBuilder().students(true).build() : asked;
    }

    /** The open class room's students buy in that sale from now on. */
    synchronized void follow(Simulation simulation) {
        if (open != null && open.isOpen() && simulation.config().students()) {
            open.follow(simulation.humans());
        }
    }

    synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
