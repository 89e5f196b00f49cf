package org.confroom.ami.sim;

/** Handles one AMI action on the PBX thread. */
@FunctionalInterface
interface ActionHandler {
    void handle(ActionContext ctx);
}
